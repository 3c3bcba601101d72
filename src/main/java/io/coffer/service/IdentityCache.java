package io.coffer.service;

import io.coffer.policy.PolicyDocument;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Compiled identity policies, by credential and by policy name. Every identity change clears it all
 * (they are rare); a value computed from what the store held before a change that raced with it is
 * dropped again, so the cache never keeps an answer older than the last change.
 */
final class IdentityCache {
  private final AtomicLong generation = new AtomicLong();

  /** By principal ID (a service account's parent): the policies attached to it and its groups. */
  private final ConcurrentHashMap<Long, List<PolicyDocument>> byPrincipal =
      new ConcurrentHashMap<>();

  /** Service accounts' inline policies by credential ID (they never change). */
  private final ConcurrentHashMap<Long, PolicyDocument> sessions = new ConcurrentHashMap<>();

  /** Stored and built-in policies by name. */
  private final ConcurrentHashMap<String, PolicyDocument> byName = new ConcurrentHashMap<>();

  List<PolicyDocument> policies(long principalId, Function<Long, List<PolicyDocument>> load) {
    return cached(byPrincipal, principalId, load);
  }

  PolicyDocument session(long credentialId, Function<Long, PolicyDocument> load) {
    return cached(sessions, credentialId, load);
  }

  PolicyDocument policy(String name, Function<String, PolicyDocument> load) {
    return cached(byName, name, load);
  }

  /** Forgets everything; called after every change to policies, groups or credentials. */
  void invalidate() {
    generation.incrementAndGet();
    byPrincipal.clear();
    sessions.clear();
    byName.clear();
  }

  private <K, V> V cached(ConcurrentHashMap<K, V> map, K key, Function<K, V> load) {
    V value = map.get(key);
    if (value != null) {
      return value;
    }
    long before = generation.get();
    value = load.apply(key);
    map.put(key, value);
    if (generation.get() != before) {
      // a change landed while loading: what was loaded may predate it
      map.remove(key, value);
    }
    return value;
  }
}
