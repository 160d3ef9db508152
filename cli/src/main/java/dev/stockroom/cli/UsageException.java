package dev.stockroom.cli;

/** Bad input from the person at the terminal: a flag, a value, the configuration. Exit 64. */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
