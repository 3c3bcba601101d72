package io.coffer.policy;

import java.util.List;

/**
 * The condition keys of one request and their values, looked up by the engine only when a
 * statement's condition names them (so a request costs nothing for keys no policy uses).
 */
@FunctionalInterface
public interface ConditionValues {
  /**
   * The values of a condition key, or an empty list when the request does not carry it.
   *
   * @param key the key in its canonical spelling: lower case up to any '/', the rest as written
   *     (see {@link ConditionKeys})
   */
  List<String> get(String key);
}
