package io.coffer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the fuzz tests share: the rule that tells a finding from a refusal, and the readable
 * line-based input format their seed corpora use.
 *
 * <p>A parser may refuse input only with a {@link CofferException} whose code is a client error
 * (4xx), or NotImplemented for a form Coffer deliberately does not support (SigV4a). Any other
 * exception, an InternalError or any other 5xx, escapes the fuzz test and is a finding.
 */
public final class FuzzInputs {
  private FuzzInputs() {}

  /** The parser's result, or null when it refused the input the documented way. */
  public static <T> T refusedOr(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (CofferException e) {
      assertClientError(e);
      return null;
    }
  }

  /** Fails unless {@code e} is a refusal the protocol renders as the client's fault. */
  public static void assertClientError(CofferException e) {
    ErrorCode code = e.code();
    if (code == ErrorCode.NOT_IMPLEMENTED) {
      return;
    }
    assertThat(code.httpStatus())
        .as("%s (%s) must be a 4xx error", code, e.getMessage())
        .isBetween(400, 499);
  }

  /**
   * Bytes as the HTTP decoder hands them over: one char per byte (ISO-8859-1), so that every byte
   * sequence is representable and none is lost to UTF-8 replacement.
   */
  public static String wireText(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1);
  }

  /** The lines of a text, split at LF only (a CR stays part of its line, as on a hostile wire). */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (true) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        lines.add(text.substring(start));
        return lines;
      }
      lines.add(text.substring(start, newline));
      start = newline + 1;
    }
  }

  /** The bytes after the first LF, or none when there is no LF. */
  public static byte[] afterFirstLine(byte[] data) {
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\n') {
        return java.util.Arrays.copyOfRange(data, i + 1, data.length);
      }
    }
    return new byte[0];
  }
}
