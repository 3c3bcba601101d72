package io.coffer.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys. A key depends only on the secret, the day, the region and the
 * service, so the four HMACs of its derivation are done once per credential and day rather than
 * once per request. The cache is small and simply emptied when full: a working set larger than it
 * only costs the derivation again.
 */
final class SigningKeys {
  private final int capacity;
  private final ConcurrentHashMap<Key, byte[]> cache = new ConcurrentHashMap<>();

  SigningKeys(int capacity) {
    this.capacity = capacity;
  }

  /** The signing key; the returned array is shared and must not be modified. */
  byte[] get(String secretKey, String date, String region, String service) {
    Key key = new Key(secretKey, date, region, service);
    byte[] cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] derived = derive(secretKey, date, region, service);
    if (cache.size() >= capacity) {
      cache.clear();
    }
    cache.put(key, derived);
    return derived;
  }

  static byte[] derive(String secretKey, String date, String region, String service) {
    byte[] dateKey = Hashing.hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] regionKey = Hashing.hmac(dateKey, region);
    byte[] serviceKey = Hashing.hmac(regionKey, service);
    return Hashing.hmac(serviceKey, SigV4.TERMINATOR);
  }

  private record Key(String secretKey, String date, String region, String service) {
    @Override
    public String toString() {
      return "Key[" + date + "/" + region + "/" + service + "]";
    }
  }
}
