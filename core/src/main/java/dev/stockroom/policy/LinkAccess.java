package dev.stockroom.policy;

/** Whether a kind's objects may be served through CloudFront signed links and cookies. */
public enum LinkAccess {
  /** Links may be issued. */
  ALLOWED,
  /** Links may be issued, with a bounded maximum lifetime. */
  SHORT_LIVED,
  /** Links are refused: the data is never served. */
  REFUSED
}
