package io.coffer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The objects of a mixed workload that exist on the server, as warp's {@code mixed} keeps them. A
 * GET, HEAD or DELETE takes a random object out of the set for as long as it is in flight, so that
 * no DELETE removes an object another operation is reading (and no read finds an object gone); a
 * read puts it back when it completes, a DELETE does not. A PUT writes a new key and adds it once
 * the server has acknowledged it. The set therefore holds exactly the objects the server holds
 * minus those in flight, and with at least as many PUTs as DELETEs it never shrinks.
 */
final class LiveObjects {
  private final List<String> keys = new ArrayList<>();

  synchronized void add(String key) {
    keys.add(key);
  }

  /** A random object, now reserved for the caller, or null when every object is taken. */
  synchronized @Nullable String take() {
    if (keys.isEmpty()) {
      return null;
    }
    int i = ThreadLocalRandom.current().nextInt(keys.size());
    String key = keys.get(i);
    // swap with the last: O(1), the order of the set does not matter
    keys.set(i, keys.get(keys.size() - 1));
    keys.remove(keys.size() - 1);
    return key;
  }

  synchronized int size() {
    return keys.size();
  }

  /** A copy of the objects not in flight. */
  synchronized List<String> snapshot() {
    return List.copyOf(keys);
  }
}
