package dev.stockroom.cli;

/** What the command's exit status means (the BSD sysexits convention for usage). */
final class ExitCodes {

  /** Done; for {@code plan}, nothing would change. */
  static final int OK = 0;
  /** S3, KMS or S3 Control refused or could not be reached. */
  static final int FAILURE = 1;
  /** {@code plan} only: the lifecycle would change (like {@code terraform plan -detailed-exitcode}). */
  static final int CHANGES = 2;
  /** Bad input: a flag, a value, the configuration. */
  static final int USAGE = 64;
  /** A fault of the command itself. */
  static final int SOFTWARE = 70;

  private ExitCodes() {}
}
