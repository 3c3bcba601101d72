package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.afterFirstLine;
import static io.coffer.fuzz.FuzzInputs.lines;
import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static io.coffer.fuzz.FuzzInputs.wireText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.http.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the aws-chunked decoder on raw bodies, with and without trailers, read to the end. Input:
 * a first line {@code <x-amz-content-sha256> <x-amz-decoded-content-length or -> <x-amz-trailer or
 * ->}, then the body. Signed chunks are checked against {@link ChunkedFuzzing#CONTEXT}.
 */
class AwsChunkedFuzzTest {

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void decodeToTheEnd(byte[] data) {
    String[] fields = lines(wireText(data)).get(0).split(" ", 3);
    PayloadMode mode = refusedOr(() -> PayloadMode.parse(fields[0]));
    if (mode == null || !mode.isStreaming()) {
      return;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (fields.length > 1 && !fields[1].equals("-")) {
      headers.put("x-amz-decoded-content-length", List.of(fields[1]));
    }
    if (fields.length > 2 && !fields[2].equals("-")) {
      headers.put("x-amz-trailer", List.of(fields[2]));
    }
    byte[] body = afterFirstLine(data);
    AwsChunkedInputStream in =
        refusedOr(() -> ChunkedFuzzing.open(mode, body, Headers.of(headers)));
    if (in == null) {
      return;
    }
    byte[] decoded = refusedOr(() -> ChunkedFuzzing.readToEnd(in));
    if (decoded == null) {
      return;
    }
    // The body decoded completely: it said what it promised.
    assertThat(decoded.length).isLessThan(body.length);
    String declaredLength = headers.containsKey("x-amz-decoded-content-length") ? fields[1] : null;
    if (declaredLength != null) {
      assertThat(decoded.length).isEqualTo(Long.parseLong(declaredLength.trim()));
    }
    Map<String, String> trailers = in.trailers();
    if (!mode.hasTrailer()) {
      assertThat(trailers).isEmpty();
    }
    assertThat(trailers.keySet()).containsAll(declaredTrailers(mode, headers));
    assertThat(trailers).doesNotContainKey("x-amz-trailer-signature");
  }

  private static List<String> declaredTrailers(
      PayloadMode mode, Map<String, List<String>> headers) {
    List<String> names = new ArrayList<>();
    if (mode.hasTrailer() && headers.containsKey("x-amz-trailer")) {
      for (String name : headers.get("x-amz-trailer").get(0).split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }
}
