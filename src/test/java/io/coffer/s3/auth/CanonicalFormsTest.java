package io.coffer.s3.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.http.UriCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical forms, against expectations written from the SigV4 specification. */
class CanonicalFormsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/",
        "/|/",
        "/bucket/a b|/bucket/a%20b",
        "/bucket/a%20b|/bucket/a%20b",
        "/bucket/a+b|/bucket/a%2Bb",
        "/bucket/%7e%7E~|/bucket/~~~",
        "/bucket/a//b/../c/./d|/bucket/a//b/../c/./d",
        "/bucket/100%|/bucket/100%25",
        "/bucket/%zz%4|/bucket/%25zz%254",
        "/bucket/%25|/bucket/%25",
        "/bucket/ключ|/bucket/%D0%BA%D0%BB%D1%8E%D1%87",
        "/bucket/%D0%BA|/bucket/%D0%BA",
        "/bucket/test$file.text|/bucket/test%24file.text",
        "/bucket/!'()*:@,;=|/bucket/%21%27%28%29%2A%3A%40%2C%3B%3D",
        "/bucket/a%2Fb|/bucket/a/b"
      })
  void canonicalPath(String raw, String canonical) {
    assertThat(UriCodec.TOLERANT.canonicalPath(raw)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "lifecycle|lifecycle=",
        "max-keys=2&prefix=J|max-keys=2&prefix=J",
        "prefix=J&max-keys=2|max-keys=2&prefix=J",
        "b=2&a=x+y&a=%2B&c=|a=%2B&a=x%20y&b=2&c=",
        "a&&b=1&|a=&b=1",
        "prefix=a/b&delimiter=/|delimiter=%2F&prefix=a%2Fb",
        "k=a=b|k=a%3Db",
        "k=%7e~|k=~~",
        "uploads&prefix=ключ|prefix=%D0%BA%D0%BB%D1%8E%D1%87&uploads=",
        "X-Amz-Signature=abc&X-Amz-Date=1|X-Amz-Date=1"
      })
  void canonicalQuery(String raw, String canonical) {
    assertThat(UriCodec.TOLERANT.parseQuery(raw).canonical("X-Amz-Signature")).isEqualTo(canonical);
  }

  @Test
  void queryValuesAreDecoded() {
    Query query = UriCodec.TOLERANT.parseQuery("hash=a%2Bb&key=x+y&empty&dup=1&dup=2");
    assertThat(query.get("hash")).isEqualTo("a+b");
    assertThat(query.get("key")).isEqualTo("x y");
    assertThat(query.get("empty")).isEmpty();
    assertThat(query.get("missing")).isNull();
    assertThat(query.all()).containsEntry("dup", "1");
  }

  @Test
  void canonicalHeadersTrimCollapseAndJoin() {
    Headers headers =
        AuthFixtures.headers(
            "Host",
            " example.com ",
            "X-Amz-Meta-A",
            "  a   b  ",
            "x-amz-meta-a",
            "c",
            "x-amz-meta-tab",
            "\tx\t\ty\t");
    assertThat(
            CanonicalRequest.canonicalHeaders(
                headers, List.of("host", "x-amz-meta-a", "x-amz-meta-missing", "x-amz-meta-tab")))
        .isEqualTo(
            "host:example.com\nx-amz-meta-a:a b,c\nx-amz-meta-missing:\n" + "x-amz-meta-tab:x y\n");
  }

  @Test
  void signingKeyMatchesThePublishedDerivation() {
    // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
    assertThat(
            Hex.encode(
                SigningKeys.derive(
                    "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam")))
        .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    SigningKeys cache = new SigningKeys(2);
    byte[] first = cache.get("s", "20120215", "us-east-1", "s3");
    assertThat(cache.get("s", "20120215", "us-east-1", "s3")).isSameAs(first);
    cache.get("t", "20120215", "us-east-1", "s3");
    cache.get("u", "20120215", "us-east-1", "s3");
    assertThat(cache.get("s", "20120215", "us-east-1", "s3")).isEqualTo(first);
  }

  @Test
  void timestamps() {
    assertThat(AmzDate.parse("20130524T000000Z")).isEqualTo(Instant.parse("2013-05-24T00:00:00Z"));
    for (String bad :
        new String[] {
          "20130230T000000Z",
          "20130524T240000Z",
          "2013-05-24T00:00",
          "20130524 000000Z",
          "20130524T000000",
          "2013O524T000000Z",
          ""
        }) {
      assertThat(AmzDate.parse(bad)).as(bad).isNull();
    }
    assertThat(AmzDate.format(Instant.parse("2024-02-29T23:59:59.900Z")))
        .isEqualTo("20240229T235959Z");
    assertThat(AmzDate.parseHttpDate("Fri, 24 May 2013 00:00:00 GMT"))
        .isEqualTo(Instant.parse("2013-05-24T00:00:00Z"));
    assertThat(AmzDate.parseHttpDate("yesterday")).isNull();
  }

  @Test
  void credentialScopes() {
    CredentialScope scope =
        CredentialScope.parse("AK/with/slash/20130524/us-east-1/s3/aws4_request");
    assertThat(scope.accessKey()).isEqualTo("AK/with/slash");
    assertThat(scope.scope()).isEqualTo("20130524/us-east-1/s3/aws4_request");
    assertThat(CredentialScope.parse("20130524/us-east-1/s3/aws4_request")).isNull();
    assertThat(CredentialScope.parse("AK/20130524/us-east-1/s3")).isNull();
  }
}
