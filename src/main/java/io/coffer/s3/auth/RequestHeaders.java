package io.coffer.s3.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Read access to a request's headers by case-insensitive name. It is an interface rather than a map
 * so that a front end can wrap its own header container (Netty's {@code HttpHeaders} already has
 * {@code getAll} and {@code names}) without copying anything per request:
 *
 * <pre>{@code
 * RequestHeaders headers = new RequestHeaders() {
 *   public List<String> getAll(String name) { return nettyHeaders.getAll(name); }
 *   public Iterable<String> names() { return nettyHeaders.names(); }
 * };
 * }</pre>
 */
public interface RequestHeaders {

  /** All values of the named header in the order received; an empty list when it is absent. */
  List<String> getAll(String name);

  /** The names of the headers present, in any case. */
  Iterable<String> names();

  /** The first value of the named header, or null when it is absent. */
  default @Nullable String get(String name) {
    List<String> values = getAll(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Headers held in a map; names are folded to lower case, so any case may be given. */
  static RequestHeaders of(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new HashMap<>();
    headers.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
    return new MapHeaders(lower);
  }

  /** Headers with one value each; names are folded to lower case. */
  static RequestHeaders ofSingleValues(Map<String, String> headers) {
    Map<String, List<String>> lists = new HashMap<>();
    headers.forEach(
        (name, value) ->
            lists
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .add(value));
    return new MapHeaders(lists);
  }

  /** The map-backed form; keys are already lower case. */
  record MapHeaders(Map<String, List<String>> byLowerCaseName) implements RequestHeaders {
    @Override
    public List<String> getAll(String name) {
      List<String> values = byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
      return values == null ? List.of() : values;
    }

    @Override
    public Iterable<String> names() {
      return byLowerCaseName.keySet();
    }
  }
}
