package io.coffer.s3.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartFormReaderTest {
  private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

  static byte[] body(byte[] file, String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i += 2) {
      write(
          out,
          "--"
              + BOUNDARY
              + "\r\nContent-Disposition: form-data; name=\""
              + fields[i]
              + "\"\r\n\r\n"
              + fields[i + 1]
              + "\r\n");
    }
    write(
        out,
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r\u00e9sum\u00e9.txt\""
            + "\r\nContent-Type: text/plain\r\n\r\n");
    out.writeBytes(file);
    write(out, "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\n");
    write(out, "ignored\r\n--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hands out at most {@code step} bytes per read, so boundaries split across reads. */
  static InputStream trickle(byte[] bytes, int step) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 41, 42, 43, 4096, 1 << 20})
  void fieldsAndFileSurviveAnySplitOfTheStream(int step) throws IOException {
    // a file full of near-delimiters: CRLF, dashes and the boundary's prefix
    byte[] file = ("x\r\n--" + BOUNDARY.substring(0, 20) + "\r\n-\r\n--").repeat(500).getBytes();
    byte[] body = body(file, "key", "uploads/${filename}", "Content-Type", "text/plain");
    PostForm form = PostForm.read(new MultipartFormReader(trickle(body, step), BOUNDARY));
    assertThat(form.fields())
        .containsExactly(
            java.util.Map.entry("key", "uploads/${filename}"),
            java.util.Map.entry("content-type", "text/plain"));
    assertThat(form.filename()).isEqualTo("r\u00e9sum\u00e9.txt");
    assertThat(form.fileContentType()).isEqualTo("text/plain");
    assertThat(form.file().readAllBytes()).isEqualTo(file);
  }

  @Test
  void aRandomBinaryFileComesBackByteForByte() throws IOException {
    byte[] file = new byte[300_000];
    new Random(16).nextBytes(file);
    byte[] body = body(file, "key", "k");
    PostForm form = PostForm.read(new MultipartFormReader(trickle(body, 1000), BOUNDARY));
    assertThat(form.file().readAllBytes()).isEqualTo(file);
  }

  @Test
  void anEmptyFileIsAFile() throws IOException {
    PostForm form =
        PostForm.read(
            new MultipartFormReader(new ByteArrayInputStream(body(new byte[0])), BOUNDARY));
    assertThat(form.file().readAllBytes()).isEmpty();
  }

  @Test
  void aPreambleBeforeTheFirstBoundaryIsSkipped() throws IOException {
    byte[] plain = body("data".getBytes(), "key", "k");
    byte[] withPreamble = new byte[plain.length + 10];
    System.arraycopy("preamble\r\n".getBytes(), 0, withPreamble, 0, 10);
    System.arraycopy(plain, 0, withPreamble, 10, plain.length);
    PostForm form =
        PostForm.read(new MultipartFormReader(new ByteArrayInputStream(withPreamble), BOUNDARY));
    assertThat(form.field("key")).isEqualTo("k");
    assertThat(new String(form.file().readAllBytes())).isEqualTo("data");
  }

  @Test
  void fieldNamesAreCaseInsensitiveAndTheFirstOfARepeatedNameCounts() {
    byte[] body = body("x".getBytes(), "Key", "first", "KEY", "second", "X-Amz-Meta-Color", "red");
    PostForm form =
        PostForm.read(new MultipartFormReader(new ByteArrayInputStream(body), BOUNDARY));
    assertThat(form.field("key")).isEqualTo("first");
    assertThat(form.field("x-amz-meta-color")).isEqualTo("red");
  }

  @Test
  void aFormWithoutAFileIsRefused() {
    String body =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--"
            + BOUNDARY
            + "--\r\n";
    assertThatThrownBy(
            () ->
                PostForm.read(
                    new MultipartFormReader(new ByteArrayInputStream(body.getBytes()), BOUNDARY)))
        .isInstanceOfSatisfying(
            CofferException.class,
            e ->
                assertThat(e.code())
                    .isEqualTo(ErrorCode.INCORRECT_NUMBER_OF_FILES_IN_POST_REQUEST));
  }

  @Test
  void fieldsBeforeTheFileAreBounded() {
    byte[] body = body("x".getBytes(), "policy", "p".repeat(PostForm.MAX_PRE_DATA + 1));
    assertThatThrownBy(
            () -> PostForm.read(new MultipartFormReader(new ByteArrayInputStream(body), BOUNDARY)))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED));
  }

  @Test
  void aBodyThatEndsInsideTheFileIsMalformed() {
    byte[] full = body("0123456789".getBytes(), "key", "k");
    int inFile = new String(full, StandardCharsets.ISO_8859_1).indexOf("0123456789") + 5;
    byte[] cut = java.util.Arrays.copyOf(full, inFile);
    PostForm form = PostForm.read(new MultipartFormReader(new ByteArrayInputStream(cut), BOUNDARY));
    assertThatThrownBy(() -> form.file().readAllBytes())
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_POST_REQUEST));
  }

  @Test
  void theBoundaryComesFromTheContentType() {
    assertThat(MultipartFormReader.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
    assertThat(MultipartFormReader.boundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b\""))
        .isEqualTo("a b");
    for (String bad :
        new String[] {"text/plain", "multipart/form-data", "multipart/mixed; boundary=x"}) {
      assertThatThrownBy(() -> MultipartFormReader.boundary(bad))
          .isInstanceOfSatisfying(
              CofferException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_POST_REQUEST));
    }
  }

  @Test
  void dispositionParametersAreQuotedOrNot() {
    assertThat(ContentDisposition.parse("form-data; name=key"))
        .isEqualTo(new ContentDisposition("key", null));
    assertThat(ContentDisposition.parse("form-data; name=\"file\"; filename=\"a%22b;c.txt\""))
        .isEqualTo(new ContentDisposition("file", "a\"b;c.txt"));
    assertThat(ContentDisposition.parse("form-data; filename=\"C:\\\\x.txt\"; name=\"file\""))
        .isEqualTo(new ContentDisposition("file", "C:\\x.txt"));
  }
}
