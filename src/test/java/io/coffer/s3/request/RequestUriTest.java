package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The S3 port decodes every part of a request URI one way: the path (path style and
 * virtual-hosted), the query and x-amz-copy-source. Before the shared codec, the query decoder
 * replaced bytes that are not UTF-8 with U+FFFD while the path decoder refused them.
 */
class RequestUriTest {
  /** "é" as its UTF-8 bytes sent raw: the HTTP layer hands over one char per byte. */
  private static final String RAW_E = "\u00c3\u00a9";

  @Test
  void escapedUtf8DecodesEverywhere() {
    assertThat(PathStyle.parse("/bucket/caf%C3%A9").key()).isEqualTo("café");
    assertThat(PathStyle.virtualHosted("bucket", "/caf%c3%a9").key()).isEqualTo("café");
    assertThat(RequestUri.parseQuery("prefix=caf%C3%A9").get("prefix")).isEqualTo("café");
    assertThat(CopySourceParser.parse("/src/caf%C3%A9").key()).isEqualTo("café");
  }

  @Test
  void rawUtf8BytesDecodeEverywhere() {
    assertThat(PathStyle.parse("/bucket/caf" + RAW_E).key()).isEqualTo("café");
    assertThat(RequestUri.parseQuery("prefix=caf" + RAW_E).get("prefix")).isEqualTo("café");
    assertThat(CopySourceParser.parse("/src/caf" + RAW_E).key()).isEqualTo("café");
  }

  @Test
  void bytesThatAreNotUtf8AreInvalidUriEverywhere() {
    assertInvalidUri(() -> PathStyle.parse("/bucket/%FF"));
    assertInvalidUri(() -> PathStyle.parse("/bucket/caf\u00e9"));
    assertInvalidUri(() -> PathStyle.parse("/buck%FFet/key"));
    assertInvalidUri(() -> PathStyle.virtualHosted("bucket", "/%C0%AF"));
    // The query used to decode these to U+FFFD and carry on.
    assertInvalidUri(() -> RequestUri.parseQuery("prefix=%FF"));
    assertInvalidUri(() -> RequestUri.parseQuery("prefix=caf\u00e9"));
    assertInvalidUri(() -> RequestUri.parseQuery("%ED%A0%80"));
    assertInvalidUri(() -> CopySourceParser.parse("/src/%FF"));
    assertInvalidUri(() -> CopySourceParser.parse("/src/key?versionId=%FF"));
  }

  @Test
  void aLonePercentIsAPercentSignInPathAndQuery() {
    assertThat(PathStyle.parse("/bucket/100%").key()).isEqualTo("100%");
    assertThat(PathStyle.parse("/bucket/%zz%4").key()).isEqualTo("%zz%4");
    assertThat(RequestUri.parseQuery("prefix=100%").get("prefix")).isEqualTo("100%");
  }

  @Test
  void plusIsLiteralInPathsAndASpaceInTheQuery() {
    assertThat(PathStyle.parse("/bucket/a+b%2Bc").key()).isEqualTo("a+b+c");
    assertThat(RequestUri.parseQuery("prefix=a+b%2Bc").get("prefix")).isEqualTo("a b+c");
    assertThat(CopySourceParser.parse("/src/a+b").key()).isEqualTo("a+b");
  }

  @Test
  void anEscapedSlashIsPartOfTheKeyButNeverSplitsBucketFromKey() {
    assertThat(PathStyle.parse("/bucket/dir%2Fkey").key()).isEqualTo("dir/key");
    assertThat(PathStyle.parse("/a%2Fb/key").bucket()).isEqualTo("a/b");
  }

  private static void assertInvalidUri(Runnable decode) {
    assertThatThrownBy(decode::run)
        .isInstanceOf(CofferException.class)
        .satisfies(e -> assertThat(((CofferException) e).code()).isEqualTo(ErrorCode.INVALID_URI));
  }
}
