package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The decoded view (routing) and the canonical view (SigV4) of one parsed query. */
class QueryTest {

  @Test
  void firstValuesBareNamesAndEmptyPieces() {
    Query query = UriCodec.TOLERANT.parseQuery("uploads&&max-keys=2&max-keys=3&=v&k=a=b&");
    assertThat(query.has("uploads")).isTrue();
    assertThat(query.get("uploads")).isEmpty();
    assertThat(query.get("max-keys")).isEqualTo("2");
    assertThat(query.get("")).isEqualTo("v");
    assertThat(query.get("k")).isEqualTo("a=b");
    assertThat(query.has("missing")).isFalse();
    assertThat(query.get("missing")).isNull();
    assertThat(query.all().keySet()).containsExactly("uploads", "max-keys", "", "k");
    assertThat(query.canonical(null)).isEqualTo("=v&k=a%3Db&max-keys=2&max-keys=3&uploads=");
  }

  @Test
  void namesAreCaseSensitive() {
    Query query = UriCodec.TOLERANT.parseQuery("versionId=v");
    assertThat(query.has("versionid")).isFalse();
  }

  @Test
  void theCanonicalViewSignsEveryParameterInOrderOfItsEncoding() {
    Query query =
        UriCodec.TOLERANT.parseQuery("b=2&a=x+y&a=%2B&uploads&X-Amz-Signature=s&prefix=ключ");
    assertThat(query.canonical("X-Amz-Signature"))
        .isEqualTo("a=%2B&a=x%20y&b=2&prefix=%D0%BA%D0%BB%D1%8E%D1%87&uploads=");
    assertThat(query.canonical(null)).contains("X-Amz-Signature=s");
    assertThat(Query.EMPTY.canonical(null)).isEmpty();
  }
}
