package dev.stockroom.internal.links;

import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.validation.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configured CloudFront key pairs, and the one that signs now (rotation). */
final class KeyRing {

  private final Map<String, SigningKey> keys;
  private volatile SigningKey active;

  KeyRing(CloudFrontSettings settings) {
    Map<String, SigningKey> signingKeys = new LinkedHashMap<>();
    settings.keys().forEach((id, key) -> signingKeys.put(id, SigningKey.of(id, key,
        settings.hashAlgorithm())));
    this.keys = Collections.unmodifiableMap(signingKeys);
    this.active = keys.get(settings.activeKeyPairId());
  }

  SigningKey active() {
    return active;
  }

  void rotateTo(String keyPairId) {
    Require.nonNull(keyPairId, "keyPairId");
    SigningKey next = keys.get(keyPairId);
    Require.argument(next != null, "keyPairId must be one of %s, but was %s", keys.keySet(),
        keyPairId);
    active = next;
  }
}
