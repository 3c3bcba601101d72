package io.coffer.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A raw query string parsed once, both decoded (to read parameters) and re-encoded (to build the
 * canonical query). Decoding treats {@code +} as a space, as Go's {@code url.ParseQuery} does and
 * MinIO relies on; empty {@code &&} pieces are skipped.
 */
final class QueryParameters {
  static final QueryParameters EMPTY = new QueryParameters(List.of());

  /** One parameter: decoded name and value, and both re-encoded per RFC 3986. */
  record Parameter(String name, String value, String encodedName, String encodedValue) {}

  private final List<Parameter> parameters;

  private QueryParameters(List<Parameter> parameters) {
    this.parameters = parameters;
  }

  static QueryParameters parse(@Nullable String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return EMPTY;
    }
    List<Parameter> parameters = new ArrayList<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        int nameEnd = eq < 0 || eq > end ? end : eq;
        int valueStart = nameEnd == end ? end : nameEnd + 1;
        byte[] name = UriEncoding.decode(rawQuery, start, nameEnd, true);
        byte[] value = UriEncoding.decode(rawQuery, valueStart, end, true);
        parameters.add(
            new Parameter(
                new String(name, StandardCharsets.UTF_8),
                new String(value, StandardCharsets.UTF_8),
                UriEncoding.encode(name, false),
                UriEncoding.encode(value, false)));
      }
      start = end + 1;
    }
    return new QueryParameters(parameters);
  }

  boolean isEmpty() {
    return parameters.isEmpty();
  }

  boolean contains(String name) {
    return first(name) != null;
  }

  /** The decoded value of the first parameter with this exact (case-sensitive) name, or null. */
  @Nullable String first(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return null;
  }

  /** Decoded names to the first value of each, in order of appearance. */
  Map<String, String> firstValues() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      values.putIfAbsent(p.name(), p.value());
    }
    return values;
  }

  /**
   * The canonical query: encoded {@code name=value} pairs (also for empty values) sorted by encoded
   * name then value, joined by {@code &}, leaving out the parameter named {@code excluded} (the
   * presigned signature, which cannot sign itself).
   */
  String canonical(@Nullable String excluded) {
    if (parameters.isEmpty()) {
      return "";
    }
    Parameter[] sorted =
        parameters.stream().filter(p -> !p.name().equals(excluded)).toArray(Parameter[]::new);
    Arrays.sort(
        sorted,
        (a, b) -> {
          int byName = a.encodedName().compareTo(b.encodedName());
          return byName != 0 ? byName : a.encodedValue().compareTo(b.encodedValue());
        });
    StringBuilder out = new StringBuilder(64);
    for (Parameter p : sorted) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(p.encodedName()).append('=').append(p.encodedValue());
    }
    return out.toString();
  }
}
