package dev.stockroom.cost;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Amazon S3 prices for one region, as data: storage, requests, lifecycle transitions, retrievals,
 * minimum durations and billable sizes per storage class, Intelligent-Tiering monitoring and
 * object tags. Immutable. {@link #usEast1()} is the dated list shipped with Stockroom; load your
 * own (negotiated prices, another region) with {@link #load(Path)}. The format is described in
 * {@code docs/cost.md} and in the shipped file {@code dev/stockroom/cost/prices-us-east-1.properties}.
 */
public final class PriceList {

  /** The resource holding the shipped us-east-1 price list. */
  public static final String US_EAST_1_RESOURCE = "/dev/stockroom/cost/prices-us-east-1.properties";
  private static final double BYTES_PER_GB = 1L << 30;

  private final String region;
  private final String currency;
  private final LocalDate effective;
  private final String source;
  private final double tagsPer10000;
  private final double batchJob;
  private final double batchMillionObjects;
  private final Map<StorageClass, ClassPrices> classes;

  PriceList(String region, String currency, LocalDate effective, String source,
      double tagsPer10000, double batchJob, double batchMillionObjects,
      Map<StorageClass, ClassPrices> classes) {
    this.region = region;
    this.currency = currency;
    this.effective = effective;
    this.source = source;
    this.tagsPer10000 = tagsPer10000;
    this.batchJob = batchJob;
    this.batchMillionObjects = batchMillionObjects;
    this.classes = Collections.unmodifiableMap(new EnumMap<>(classes));
  }

  /** Returns the price list shipped with Stockroom: us-east-1, dated (see {@link #effective()}). */
  public static PriceList usEast1() {
    try (InputStream in = PriceList.class.getResourceAsStream(US_EAST_1_RESOURCE)) {
      Require.state(in != null, "%s is missing from the classpath", US_EAST_1_RESOURCE);
      return load(in, "prices-us-east-1.properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a price list from a file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line, the key and the value when an entry is
   *     unknown, negative or not a number, or a priced class lacks a price
   */
  public static PriceList load(Path file) throws IOException {
    Require.nonNull(file, "file");
    return PriceListParser.parse(String.valueOf(file.getFileName()),
        Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a price list from a stream (UTF-8), which stays open; {@code name} appears in messages.
   *
   * @throws IOException if the stream cannot be read
   * @throws IllegalArgumentException naming the line, the key and the value when an entry is
   *     unknown, negative or not a number, or a priced class lacks a price
   */
  public static PriceList load(InputStream in, String name) throws IOException {
    Require.nonNull(in, "in");
    Require.nonNull(name, "name");
    return PriceListParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Returns the region the prices are for ({@code us-east-1}). */
  public String region() {
    return region;
  }

  /** Returns the currency of every price ({@code USD}). */
  public String currency() {
    return currency;
  }

  /** Returns the date the prices were checked against their source. */
  public LocalDate effective() {
    return effective;
  }

  /** Returns where the prices come from. */
  public String source() {
    return source;
  }

  /** Returns the storage classes this list prices. */
  public Set<StorageClass> storageClasses() {
    return classes.keySet();
  }

  /** Returns whether this list prices {@code storageClass}. */
  public boolean prices(StorageClass storageClass) {
    return classes.containsKey(Require.nonNull(storageClass, "storageClass"));
  }

  /**
   * Returns the storage price per GB-month (GB = 2^30 bytes); for Intelligent-Tiering, the
   * Frequent Access tier's.
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public double storagePerGbMonth(StorageClass storageClass) {
    return of(storageClass).storagePerGbMonth();
  }

  /**
   * Returns the storage price per GB-month of an Intelligent-Tiering access tier.
   *
   * @throws IllegalArgumentException if the list does not price INTELLIGENT_TIERING
   */
  public double storagePerGbMonth(IntelligentTieringTier tier) {
    Require.nonNull(tier, "tier");
    return of(StorageClass.INTELLIGENT_TIERING).tierPerGbMonth().get(tier);
  }

  /**
   * Returns the price of 1,000 PUT, COPY, POST or LIST requests.
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public double putPer1000(StorageClass storageClass) {
    return of(storageClass).putPer1000();
  }

  /**
   * Returns the price of 1,000 GET (and other) requests.
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public double getPer1000(StorageClass storageClass) {
    return of(storageClass).getPer1000();
  }

  /**
   * Returns the price of 1,000 lifecycle transitions into the class (zero for STANDARD).
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public double transitionPer1000(StorageClass storageClass) {
    return of(storageClass).transitionPer1000();
  }

  /**
   * Returns the price of retrieving one GB.
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public double retrievalPerGb(StorageClass storageClass) {
    return of(storageClass).retrievalPerGb();
  }

  /**
   * Returns the price of 1,000 restore requests (Standard tier; zero for classes served directly).
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public double restorePer1000(StorageClass storageClass) {
    return of(storageClass).restorePer1000();
  }

  /**
   * Returns the minimum storage duration in days; deleting or moving an object earlier bills the
   * remaining days.
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public int minimumDays(StorageClass storageClass) {
    return of(storageClass).minimumDays();
  }

  /**
   * Returns the minimum billable object size in bytes; smaller objects are billed as this size.
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public long minimumBillableBytes(StorageClass storageClass) {
    return of(storageClass).minimumBillableBytes();
  }

  /**
   * Returns the per-object metadata, in bytes, billed at the STANDARD storage price (8 KB for
   * GLACIER and DEEP_ARCHIVE).
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public long overheadStandardBytes(StorageClass storageClass) {
    return of(storageClass).overheadStandardBytes();
  }

  /**
   * Returns the per-object metadata, in bytes, billed at the class's own storage price (32 KB for
   * GLACIER and DEEP_ARCHIVE).
   *
   * @throws IllegalArgumentException if the list does not price {@code storageClass}
   */
  public long overheadClassBytes(StorageClass storageClass) {
    return of(storageClass).overheadClassBytes();
  }

  /**
   * Returns Intelligent-Tiering's monitoring price per 1,000 objects (of 128 KB or more) a month.
   *
   * @throws IllegalArgumentException if the list does not price INTELLIGENT_TIERING
   */
  public double monitoringPer1000() {
    return of(StorageClass.INTELLIGENT_TIERING).monitoringPer1000();
  }

  /** Returns the price of 10,000 object tags a month. */
  public double tagsPer10000() {
    return tagsPer10000;
  }

  /**
   * Returns the fee of one S3 Batch Operations job ({@code batchJob}), if the list gives it.
   */
  public OptionalDouble batchOperationsPerJob() {
    return Double.isNaN(batchJob) ? OptionalDouble.empty() : OptionalDouble.of(batchJob);
  }

  /**
   * Returns the S3 Batch Operations fee per million objects processed ({@code
   * batchMillionObjects}), if the list gives it; the operations' own requests are billed on top.
   */
  public OptionalDouble batchOperationsPerMillionObjects() {
    return Double.isNaN(batchMillionObjects) ? OptionalDouble.empty()
        : OptionalDouble.of(batchMillionObjects);
  }

  /** Returns the bytes in one billed GB (2^30). */
  static double bytesPerGb() {
    return BYTES_PER_GB;
  }

  ClassPrices of(StorageClass storageClass) {
    Require.nonNull(storageClass, "storageClass");
    ClassPrices prices = classes.get(storageClass);
    Require.argument(prices != null, "price list %s (%s) has no prices for %s; it prices %s",
        region, effective, storageClass, classes.keySet());
    return prices;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceList that && region.equals(that.region)
        && currency.equals(that.currency) && effective.equals(that.effective)
        && source.equals(that.source) && tagsPer10000 == that.tagsPer10000
        && Double.compare(batchJob, that.batchJob) == 0
        && Double.compare(batchMillionObjects, that.batchMillionObjects) == 0
        && classes.equals(that.classes);
  }

  @Override
  public int hashCode() {
    return region.hashCode() * 31 + classes.hashCode();
  }

  @Override
  public String toString() {
    return "PriceList{region=" + region + ", currency=" + currency + ", effective=" + effective
        + ", classes=" + classes.keySet() + ", source='" + source + "'}";
  }
}
