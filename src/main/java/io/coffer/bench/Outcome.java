package io.coffer.bench;

import org.jspecify.annotations.Nullable;

/**
 * What one measured operation did.
 *
 * @param bytes object bytes moved (counted toward MB/s)
 * @param items keys and common prefixes listed (counted toward items/s)
 * @param error why it failed, or null
 * @param operation the kind of operation ({@code GET}, {@code HEAD}, ...) in a workload that mixes
 *     several and reports each apart, or null
 */
record Outcome(long bytes, long items, @Nullable String error, @Nullable String operation) {
  static final Outcome NOTHING = new Outcome(0, 0, null, null);

  static Outcome bytes(long bytes) {
    return new Outcome(bytes, 0, null, null);
  }

  static Outcome items(long items) {
    return new Outcome(0, items, null, null);
  }

  static Outcome failed(String error) {
    return new Outcome(0, 0, error, null);
  }

  /** A 2xx response moving {@code bytes}, else the response's status and error code. */
  static Outcome of(Response response, long bytes) {
    return response.ok() ? bytes(bytes) : failed(response.describe());
  }

  /** This outcome, counted as an operation of kind {@code kind}. */
  Outcome as(String kind) {
    return new Outcome(bytes, items, error, kind);
  }
}
