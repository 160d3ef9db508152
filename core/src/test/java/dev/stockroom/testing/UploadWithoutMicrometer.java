package dev.stockroom.testing;

import dev.stockroom.Stockroom;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Run in a forked JVM whose class path lacks Micrometer: builds a Stockroom, plans the lifecycle
 * and uploads one object to the S3Mock at the given endpoint. Arguments: endpoint, bucket.
 */
public final class UploadWithoutMicrometer {

  private UploadWithoutMicrometer() {}

  public static void main(String[] args) {
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry");
      System.out.println("MICROMETER_PRESENT");
    } catch (ClassNotFoundException expected) {
      System.out.println("NO_MICROMETER");
    }
    try (Stockroom stockroom = Stockroom.builder().bucket(args[1]).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(URI.create(args[0]))
        .forcePathStyle(true).build()) {
      stockroom.lifecycle().plan();
      stockroom.media().productImage("without-micrometer.jpg")
          .upload("image".getBytes(StandardCharsets.UTF_8), "image/jpeg");
      System.out.println("STORED");
    }
  }
}
