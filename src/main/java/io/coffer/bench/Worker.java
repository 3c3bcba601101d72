package io.coffer.bench;

import org.jspecify.annotations.Nullable;

/**
 * One closed-loop client: it issues an operation, waits for it, and issues the next. Its
 * connections (several for a multipart upload's parallel parts) and its own state between
 * operations (a continuation token, a key counter) belong to it alone.
 */
final class Worker {
  final int index;
  final Connection[] connections;
  final Meter meter;
  long sequence;
  @Nullable Object state;

  Worker(int index, Connection[] connections, Meter meter) {
    this.index = index;
    this.connections = connections;
    this.meter = meter;
  }

  Connection connection() {
    return connections[0];
  }
}
