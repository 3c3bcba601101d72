package io.coffer.service.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestTraceTest {
  final RequestTrace trace = new RequestTrace();

  static CompletedRequest request(String method, String path, String query, int status) {
    return new CompletedRequest(
        1000,
        method,
        path,
        query,
        "GetObject",
        "photos",
        status,
        2_500_000,
        0,
        5,
        "10.0.0.1:5000",
        "AKIAUSER");
  }

  @Test
  void aListenerGetsWhatItsFilterMatchesWithoutSecrets() throws Exception {
    try (TraceListener listener =
        trace.listen(new TraceFilter("GET", 4, "photos", "/photos/2024/", null))) {
      trace.completed(request("GET", "/photos/2024/a.jpg", "X-Amz-Signature=s3cr3t&x=1", 403));
      trace.completed(request("PUT", "/photos/2024/a.jpg", "", 403)); // method
      trace.completed(request("GET", "/photos/2024/a.jpg", "", 200)); // status class
      trace.completed(request("GET", "/photos/2025/a.jpg", "", 404)); // prefix
      TraceEntry entry = listener.next(Duration.ofSeconds(1));
      assertThat(entry).isNotNull();
      assertThat(entry.path()).isEqualTo("/photos/2024/a.jpg?x=1");
      assertThat(entry.durationMillis()).isEqualTo(2.5);
      assertThat(entry.accessKeyId()).isEqualTo("AKIAUSER");
      assertThat(listener.next(Duration.ofMillis(50))).isNull();
    }
  }

  @Test
  void thePrefixIsComparedWithTheDecodedPath() throws Exception {
    try (TraceListener listener = trace.listen(new TraceFilter(null, 0, null, "/b/a b+", null))) {
      trace.completed(request("GET", "/b/a%20b+c", "", 200));
      assertThat(listener.next(Duration.ofSeconds(1))).isNotNull();
    }
  }

  @Test
  void aSlowListenerLosesLinesAndIsToldHowMany() throws Exception {
    try (TraceListener listener = trace.listen(TraceFilter.ALL)) {
      for (int i = 0; i < RequestTrace.QUEUE + 25; i++) {
        trace.completed(request("GET", "/b/k", "", 200));
      }
      assertThat(listener.takeDropped()).isEqualTo(25);
      assertThat(listener.takeDropped()).isZero();
    }
  }

  @Test
  void closingRemovesTheListenerAndEndsItsStream() {
    TraceListener listener = trace.listen(TraceFilter.ALL);
    assertThat(trace.listening()).isEqualTo(1);
    trace.close();
    assertThat(trace.listening()).isZero();
    assertThatThrownBy(() -> listener.next(Duration.ofSeconds(1))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> trace.listen(TraceFilter.ALL).next(Duration.ofSeconds(1)))
        .isInstanceOf(EOFException.class);
  }
}
