package dev.stockroom.exception;

import java.util.List;

/**
 * CloudFront refused or did not answer a CreateInvalidation request. Carries the distribution id
 * and the paths that were not invalidated, so they can be sent again.
 */
public class InvalidationException extends StockroomException {

  private final String distributionId;
  private final List<String> paths;

  /** Creates an exception for {@code paths} of {@code distributionId}, serving {@code bucket}. */
  public InvalidationException(String message, String distributionId, List<String> paths,
      String bucket, Throwable cause) {
    super(message, bucket, null, cause);
    this.distributionId = distributionId;
    this.paths = List.copyOf(paths);
  }

  /** Returns the CloudFront distribution id. */
  public String distributionId() {
    return distributionId;
  }

  /** Returns the paths that were not invalidated. */
  public List<String> paths() {
    return paths;
  }
}
