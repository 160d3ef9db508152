package dev.stockroom.links;

import dev.stockroom.transfer.StoredObject;
import java.time.Duration;

/**
 * CloudFront signed URLs and cookies for the kinds whose policy allows links. Signed links are
 * cached per (object, expiry window): a page of 48 images costs microseconds once warm.
 * Transactional data and logs are never linked.
 */
public interface Links {

  /**
   * Returns a signed URL (canned policy) for the object, valid for at least {@code lifetime}:
   * the expiry is rounded up to the link window, so requests in one window get the same URL.
   *
   * @throws dev.stockroom.exception.PolicyViolationException if the object's kind refuses links
   * @throws IllegalArgumentException if the lifetime is not positive, passes the kind's maximum,
   *     or the object is in another bucket
   * @throws IllegalStateException if Stockroom is closed
   */
  SignedLink url(StoredObject object, Duration lifetime);

  /**
   * As {@link #url(StoredObject, Duration)} for the object at the full {@code key}.
   *
   * @throws IllegalArgumentException also if the key lies under no known prefix
   */
  SignedLink url(String key, Duration lifetime);

  /**
   * Returns a signed URL with a custom policy carrying {@code conditions} (active-from time, IPv4
   * range). Not cached: each call signs.
   *
   * @throws IllegalArgumentException also if the active-from time is not before the expiry
   */
  SignedLink url(String key, Duration lifetime, LinkConditions conditions);

  /**
   * Returns signed cookies for every object matching {@code pathPattern} ('*' any characters,
   * '?' one character), which must lie under one kind's prefix: {@code
   * media/product-images/sku-1001/*}. One signature serves a whole listing page.
   *
   * @throws dev.stockroom.exception.PolicyViolationException if that kind refuses links
   * @throws IllegalArgumentException if the pattern lies under no single kind's prefix
   */
  SignedCookies cookies(String pathPattern, Duration lifetime);

  /** Returns the key pair id links are signed with now. */
  String activeKeyPairId();

  /**
   * Signs from now on with another configured key pair (key rotation). Links already handed out
   * stay valid as long as CloudFront's key group still holds their public key.
   *
   * @throws IllegalArgumentException if no key pair with that id is configured
   */
  void rotateTo(String keyPairId);
}
