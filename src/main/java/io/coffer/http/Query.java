package io.coffer.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's query, parsed once and read by everyone: decoded for routing ({@link #get}, {@link
 * #has}), and in SigV4's canonical form for signature verification ({@link #canonical}). Since the
 * router and the verifier read the same value, they cannot see different requests.
 *
 * <p>Pieces between {@code &} are {@code name=value} or a bare {@code name} (value ""); empty
 * pieces are skipped; {@code +} is a space, as Go's {@code url.ParseQuery} decodes it and MinIO and
 * S3 clients rely on.
 */
public final class Query {
  public static final Query EMPTY = new Query(List.of());

  /** One parameter, decoded; a name may repeat, and every occurrence is signed. */
  private record Parameter(String name, String value) {}

  private final List<Parameter> parameters;
  private final Map<String, String> firstValues;

  private Query(List<Parameter> parameters) {
    this.parameters = parameters;
    Map<String, String> first = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      first.putIfAbsent(p.name(), p.value());
    }
    this.firstValues = Collections.unmodifiableMap(first);
  }

  static Query parse(String raw, UriCodec codec) {
    if (raw == null || raw.isEmpty()) {
      return EMPTY;
    }
    List<Parameter> parameters = new ArrayList<>();
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int eq = raw.indexOf('=', start);
        int nameEnd = eq < 0 || eq > end ? end : eq;
        int valueStart = nameEnd == end ? end : nameEnd + 1;
        parameters.add(
            new Parameter(
                codec.decodeFormComponent(raw, start, nameEnd),
                codec.decodeFormComponent(raw, valueStart, end)));
      }
      start = end + 1;
    }
    return new Query(List.copyOf(parameters));
  }

  /** Whether a parameter of this exact (case-sensitive) name is present, with or without value. */
  public boolean has(String name) {
    return firstValues.containsKey(name);
  }

  /** The decoded value of the first parameter of this name ("" for a bare name), or null. */
  public @Nullable String get(String name) {
    return firstValues.get(name);
  }

  /** The decoded values of every parameter of this name, in order (a name may repeat). */
  public List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        values.add(p.value());
      }
    }
    return values;
  }

  /** Decoded names to the first value of each, in order of appearance. */
  public Map<String, String> all() {
    return firstValues;
  }

  /**
   * SigV4's canonical query string: every parameter's name and value encoded per RFC 3986 (an empty
   * value too, as {@code name=}), sorted by encoded name then value, joined by {@code &}; leaving
   * out the parameter named {@code excluded} (a presigned URL's signature, which cannot sign
   * itself), if not null.
   */
  public String canonical(@Nullable String excluded) {
    List<String[]> encoded = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      if (!p.name().equals(excluded)) {
        encoded.add(
            new String[] {UriCodec.encodeComponent(p.name()), UriCodec.encodeComponent(p.value())});
      }
    }
    encoded.sort(
        Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
    StringBuilder out = new StringBuilder(64);
    for (String[] pair : encoded) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }
}
