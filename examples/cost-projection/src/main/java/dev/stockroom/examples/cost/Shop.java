package dev.stockroom.examples.cost;

import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD;

import dev.stockroom.cost.KindWorkload;
import dev.stockroom.cost.SizeDistribution;
import dev.stockroom.cost.Workload;
import dev.stockroom.policy.DataKind;
import java.io.PrintStream;

/**
 * A shop with 100,000 visitors a month, as storage sees it. Every number is an assumption,
 * printed with its reasoning so that a reader can change it and run again.
 */
final class Shop {

  static final long KB = 1024;
  static final long MB = 1024 * KB;

  static final int VISITORS_PER_MONTH = 100_000;
  static final int PRODUCTS = 2_000;
  static final int NEW_PRODUCTS_PER_MONTH = 100;
  static final int PHOTOS_PER_PRODUCT = 4;
  /** Each photo is stored as an original and three renditions. */
  static final int FILES_PER_PHOTO = 4;
  static final double CONVERSION = 0.02;
  static final int LOG_SOURCES = 4;
  static final int HOURS_PER_MONTH = 730;
  static final long LOG_BYTES_PER_VISIT = 1100;
  static final double GROWTH = 0.02;

  private Shop() {}

  static void printAssumptions(PrintStream out) {
    int orders = (int) (VISITORS_PER_MONTH * CONVERSION);
    out.printf("Assumptions: a shop with %,d visitors a month, growing %.0f%% a month%n",
        VISITORS_PER_MONTH, GROWTH * 100);
    out.printf("- catalog: %,d products today, %,d new a month; %d photos each, stored as an "
        + "original (2.5 MB) and renditions of 25 KB, 90 KB and 400 KB: %,d image files a month%n",
        PRODUCTS, NEW_PRODUCTS_PER_MONTH, PHOTOS_PER_PRODUCT, imagesPerMonth());
    out.printf("- the existing %,d products' %,d image files are 2 months to 2 years old and sit "
        + "in STANDARD (no lifecycle so far)%n", PRODUCTS, PRODUCTS * PHOTOS_PER_PRODUCT
        * FILES_PER_PHOTO);
    out.println("- product videos: one 40 MB video for 1 product in 20");
    out.printf("- orders: %.0f%% conversion = %,d orders a month, each a 6 KB JSON and a 90 KB "
        + "invoice PDF, plus a nightly 2 MB CSV export; read 3 times in their first 30 days%n",
        CONVERSION * 100, orders);
    out.printf("- customers: %,d sign-ups a month (4 KB); payments: one 3 KB record per order%n",
        orders * 3 / 4);
    out.println("- pages: 2,200 HTML pages of 60 KB today, 200 new a month; 5 CDN cache misses "
        + "per page a day reach S3");
    out.println("- user uploads: 300 review photos a month (1.5 MB), read within 30 days");
    out.printf("- access logs: %,d bytes (gzip) per visit, one file per hour from each of %d "
        + "sources = %,d files a month of about %,d KB%n", LOG_BYTES_PER_VISIT, LOG_SOURCES,
        LOG_SOURCES * HOURS_PER_MONTH, accessLogFileBytes() / KB);
    out.println("- error logs: one 5 KB file an hour; audit logs: one 50 KB file a day");
    out.println("- reads by CloudFront and the back office only; data transfer out and CloudFront "
        + "are not in the model");
  }

  static int imagesPerMonth() {
    return NEW_PRODUCTS_PER_MONTH * PHOTOS_PER_PRODUCT * FILES_PER_PHOTO;
  }

  static long accessLogFileBytes() {
    return VISITORS_PER_MONTH * LOG_BYTES_PER_VISIT / (LOG_SOURCES * HOURS_PER_MONTH);
  }

  static Workload workload() {
    int orders = (int) (VISITORS_PER_MONTH * CONVERSION);
    Workload.Builder shop = Workload.builder()
        .kind(DataKind.PRODUCT_IMAGE, k -> images(k))
        .kind(DataKind.PRODUCT_VIDEO, k -> k.objectsPerMonth(NEW_PRODUCTS_PER_MONTH / 20)
            .size(40 * MB).readsPerMonth(2_000).monthlyGrowth(GROWTH)
            .existing(PRODUCTS / 20, 40 * MB, 365, STANDARD))
        .kind(DataKind.PAGE, k -> k.objectsPerMonth(200).size(60 * KB)
            .readsPerMonth(2_200L * 5 * 30).monthlyGrowth(GROWTH)
            .existing(2_200, 60 * KB, 200, STANDARD))
        .kind(DataKind.ORDER, k -> k.objectsPerMonth(orders * 2L + 30)
            .sizes(SizeDistribution.builder().bucket(6 * KB, orders).bucket(90 * KB, orders)
                .bucket(2 * MB, 30).build())
            .readsPerMonth(orders * 3L).readWindowDays(30).monthlyGrowth(GROWTH))
        .kind(DataKind.CUSTOMER, k -> k.objectsPerMonth(orders * 3L / 4).size(4 * KB)
            .readsPerMonth(20_000).monthlyGrowth(GROWTH))
        .kind(DataKind.PAYMENT, k -> k.objectsPerMonth(orders).size(3 * KB)
            .readsPerMonth(orders).readWindowDays(7).monthlyGrowth(GROWTH))
        .kind(DataKind.USER_UPLOAD, k -> k.objectsPerMonth(300).size(1536 * KB)
            .readsPerMonth(3_000).readWindowDays(30).monthlyGrowth(GROWTH))
        .kind(DataKind.ACCESS_LOG, k -> k.objectsPerMonth(LOG_SOURCES * HOURS_PER_MONTH)
            .sizes(SizeDistribution.builder().bucket(accessLogFileBytes() / 2, 1)
                .bucket(accessLogFileBytes(), 2).bucket(accessLogFileBytes() * 2, 1).build())
            .readsPerMonth(500).readWindowDays(7).monthlyGrowth(GROWTH))
        .kind(DataKind.ERROR_LOG, k -> k.objectsPerMonth(HOURS_PER_MONTH).size(5 * KB)
            .readsPerMonth(200).readWindowDays(7).monthlyGrowth(GROWTH))
        .kind(DataKind.AUDIT_LOG, k -> k.objectsPerMonth(30).size(50 * KB));
    return shop.build();
  }

  private static void images(KindWorkload.Builder images) {
    SizeDistribution renditions = SizeDistribution.builder().bucket(2560 * KB, 1)
        .bucket(25 * KB, 1).bucket(90 * KB, 1).bucket(400 * KB, 1).build();
    images.objectsPerMonth(imagesPerMonth()).sizes(renditions)
        .readsPerMonth(150_000).monthlyGrowth(GROWTH);
    int existing = PRODUCTS * PHOTOS_PER_PRODUCT;
    for (int ageDays : new int[] {60, 200, 400, 700}) {
      for (long bytes : new long[] {2560 * KB, 25 * KB, 90 * KB, 400 * KB}) {
        images.existing(existing / 4, bytes, ageDays, STANDARD);
      }
    }
  }
}
