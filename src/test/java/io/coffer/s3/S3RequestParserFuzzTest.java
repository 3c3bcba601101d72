package io.coffer.s3;

import static io.coffer.fuzz.FuzzInputs.lines;
import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static io.coffer.fuzz.FuzzInputs.wireText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.s3.request.ParsedRequest;
import io.coffer.s3.request.PathStyle;
import io.coffer.s3.request.RequestUri;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3RequestParser;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the way the S3 port reads a request before authenticating it: addressing (path style, and
 * virtual-hosted style under {@value #DOMAIN}), the query, and the operation parser with its
 * x-amz-copy-source. Input: {@code METHOD request-target}, then optionally a Host line and an
 * x-amz-copy-source line (values only).
 */
class S3RequestParserFuzzTest {
  private static final String DOMAIN = "s3.example.test";
  private static final Addressing ADDRESSING = new Addressing(DOMAIN);
  private static final S3RequestParser PARSER = new S3RequestParser("us-east-1");

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void parseRequest(byte[] data) {
    List<String> lines = lines(wireText(data));
    String requestLine = lines.get(0);
    int space = requestLine.indexOf(' ');
    String method = space < 0 ? requestLine : requestLine.substring(0, space);
    String target = space < 0 ? "/" : requestLine.substring(space + 1);
    String host = lines.size() > 1 ? lines.get(1) : null;
    String copySource = lines.size() > 2 ? lines.get(2) : null;
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? "" : target.substring(question + 1);

    // A path whose bytes are not UTF-8 is refused (InvalidURI) before any parsing.
    PathStyle.Target addressed = refusedOr(() -> ADDRESSING.resolve(host, rawPath));
    if (addressed == null) {
      return;
    }
    // So is a query that is not UTF-8 once decoded.
    Query query = refusedOr(() -> RequestUri.parseQuery(rawQuery));
    if (query == null) {
      return;
    }
    Headers headers =
        copySource == null ? Headers.of() : Headers.of("x-amz-copy-source", copySource);
    ParsedRequest parsed =
        refusedOr(() -> PARSER.parse(method, addressed.bucket(), addressed.key(), query, headers));
    if (parsed == null || parsed.operation() == null) {
      return;
    }
    S3Operation op = parsed.operation();
    assertThat(op).isInstanceOf(parsed.type());
    assertThat(op.bucket()).isEqualTo(addressed.bucket());
    assertThat(op.key()).isEqualTo(addressed.key());
    if (op.key() != null) {
      assertThat(op.key()).isNotEmpty();
    }
    switch (op) {
      case S3Operation.UploadPart part -> checkPart(part.uploadId(), part.partNumber());
      case S3Operation.UploadPartCopy part -> {
        checkPart(part.uploadId(), part.partNumber());
        checkCopySource(part.source());
      }
      case S3Operation.CopyObject copy -> checkCopySource(copy.source());
      default -> {}
    }
  }

  private static void checkPart(String uploadId, int partNumber) {
    assertThat(uploadId).isNotEmpty();
    assertThat(partNumber).isBetween(1, 10_000);
  }

  private static void checkCopySource(S3Operation.CopySource source) {
    assertThat(source.bucket()).isNotEmpty().doesNotContain("/");
    assertThat(source.key()).isNotEmpty();
  }
}
