package io.coffer.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * What a key may hold after a crash. Each key is written by one client thread only, one operation
 * at a time, so at most one operation per key is unacknowledged when the server dies: the key must
 * then hold either the state before it or the state after it, never anything else.
 */
final class KeyModel {
  final String key;
  private ObjectState acknowledged = ObjectState.ABSENT;
  private ObjectState inFlight;

  KeyModel(String key) {
    this.key = key;
  }

  synchronized ObjectState current() {
    return acknowledged;
  }

  synchronized void begin(ObjectState next) {
    inFlight = next;
  }

  synchronized void acknowledge() {
    acknowledged = inFlight;
    inFlight = null;
  }

  /** The states the server may legitimately show for this key after a crash. */
  synchronized List<ObjectState> allowed() {
    List<ObjectState> allowed = new ArrayList<>(List.of(acknowledged));
    if (inFlight != null) {
      allowed.add(inFlight);
    }
    return allowed;
  }

  /**
   * Checks what the server showed against the allowed states; the matching one is the truth the
   * next cycle builds on.
   *
   * @return false when the server shows something no acknowledged history allows
   */
  synchronized boolean settle(ObjectState observed) {
    for (ObjectState allowed : allowed()) {
      if (allowed.sameAs(observed)) {
        acknowledged = allowed;
        inFlight = null;
        return true;
      }
    }
    return false;
  }
}
