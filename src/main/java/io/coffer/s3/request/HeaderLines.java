package io.coffer.s3.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request's header lines as the parser reads them: looked up by case-insensitive name, or all of
 * them in arrival order with their names as sent (user metadata keeps repeated names in order).
 */
public interface HeaderLines {

  /** The first value of the named header, or null. */
  @Nullable String get(String name);

  /** Every header line in arrival order. */
  Iterable<Map.Entry<String, String>> entries();

  /** The names present, as sent, in order of first arrival. */
  default Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    entries().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  /** Header lines given as name, value, name, value, ... (for tests and tools). */
  static HeaderLines of(String... namesAndValues) {
    List<Map.Entry<String, String>> lines = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      lines.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new HeaderLines() {
      @Override
      public @Nullable String get(String name) {
        return lines.stream()
            .filter(line -> line.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
      }

      @Override
      public Iterable<Map.Entry<String, String>> entries() {
        return lines;
      }
    };
  }
}
