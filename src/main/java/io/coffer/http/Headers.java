package io.coffer.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request's header lines, read by case-insensitive name, or all of them in arrival order with
 * their names as sent (user metadata keeps repeated names in order). The parser and the signature
 * code read headers only through this, so the HTTP layer's own container ({@link RequestHeaders})
 * serves them without a copy and tests can give plain lists.
 */
public interface Headers {

  /** All values of the named header in arrival order; an empty list when it is absent. */
  List<String> getAll(String name);

  /** Every header line in arrival order, names as sent. */
  Iterable<Map.Entry<String, String>> entries();

  /** The first value of the named header, or null when it is absent. */
  default @Nullable String get(String name) {
    List<String> values = getAll(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The names present, as sent, in order of first arrival. */
  default Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    entries().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  /** Header lines given as name, value, name, value, ... (for tests and tools). */
  static Headers of(String... namesAndValues) {
    List<Map.Entry<String, String>> lines = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      lines.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new Lines(lines);
  }

  /** Headers held in a map of names to their values. */
  static Headers of(Map<String, List<String>> headers) {
    List<Map.Entry<String, String>> lines = new ArrayList<>();
    headers.forEach((name, values) -> values.forEach(value -> lines.add(Map.entry(name, value))));
    return new Lines(lines);
  }

  /** Headers with one value each. */
  static Headers ofSingleValues(Map<String, String> headers) {
    List<Map.Entry<String, String>> lines = new ArrayList<>();
    headers.forEach((name, value) -> lines.add(Map.entry(name, value)));
    return new Lines(lines);
  }

  /** Header lines in a list, looked up by a scan: for the few lines of a test or a tool. */
  record Lines(List<Map.Entry<String, String>> lines) implements Headers {
    @Override
    public List<String> getAll(String name) {
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, String> line : lines) {
        if (line.getKey().equalsIgnoreCase(name)) {
          values.add(line.getValue());
        }
      }
      return values;
    }

    @Override
    public Iterable<Map.Entry<String, String>> entries() {
      return lines;
    }
  }
}
