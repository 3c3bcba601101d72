package io.coffer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final ApiHandler NONE = r -> null;

  private final Router router =
      new Router()
          .add("GET", "/api/v1/buckets", NONE)
          .add("GET", "/api/v1/buckets/{bucket}", NONE)
          .add("POST", "/api/v1/buckets/{bucket}/objects/delete", NONE)
          .add("GET", "/api/v1/buckets/{bucket}/objects/{key+}", NONE)
          .add("DELETE", "/api/v1/buckets/{bucket}/objects/{key+}", NONE);

  @Test
  void literalSegmentsAndParameters() {
    Router.Match m = router.match("GET", "/api/v1/buckets/photos");
    assertThat(m.route().pattern().template()).isEqualTo("/api/v1/buckets/{bucket}");
    assertThat(m.params()).isEqualTo(Map.of("bucket", "photos"));
    assertThat(router.match("GET", "/api/v1/buckets").params()).isEmpty();
  }

  @Test
  void greedyKeysKeepSlashesAndAreDecodedOnce() {
    Router.Match m = router.match("GET", "/api/v1/buckets/b/objects/a//b/../c%2Fd%252F+%20");
    assertThat(m.params()).containsEntry("key", "a//b/../c/d%2F+ ");
  }

  @Test
  void aLiteralRouteOnlyWinsForItsMethod() {
    assertThat(
            router.match("POST", "/api/v1/buckets/b/objects/delete").route().pattern().template())
        .endsWith("/objects/delete");
    Router.Match get = router.match("GET", "/api/v1/buckets/b/objects/delete");
    assertThat(get.params()).containsEntry("key", "delete");
  }

  @Test
  void literalSegmentsMayFollowAGreedyKey() {
    Router withSuffix =
        new Router()
            .add("GET", "/api/v1/buckets/{bucket}/objects/{key+}/versions", NONE)
            .add("GET", "/api/v1/buckets/{bucket}/objects/{key+}", NONE);
    Router.Match versions = withSuffix.match("GET", "/api/v1/buckets/b/objects/a/b%2Fc/versions");
    assertThat(versions.route().pattern().template()).endsWith("/versions");
    assertThat(versions.route().pattern().openApiPath())
        .isEqualTo("/api/v1/buckets/{bucket}/objects/{key}/versions");
    assertThat(versions.params()).containsEntry("key", "a/b/c");
    // A key's own slash sent as %2F is never the separator before the suffix.
    Router.Match object = withSuffix.match("GET", "/api/v1/buckets/b/objects/a%2Fversions");
    assertThat(object.route().pattern().template()).endsWith("{key+}");
    assertThat(object.params()).containsEntry("key", "a/versions");
    // No key before the suffix: the key is "versions" itself.
    assertThat(withSuffix.match("GET", "/api/v1/buckets/b/objects/versions").params())
        .containsEntry("key", "versions");
    assertThat(withSuffix.match("GET", "/api/v1/buckets/b/objects//versions").params())
        .containsEntry("key", "/versions");
    assertThatThrownBy(() -> RoutePattern.of("/a/{key+}/{other}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noMatchGivesTheAllowedMethods() {
    Router.Match wrong = router.match("PUT", "/api/v1/buckets/b/objects/k");
    assertThat(wrong.route()).isNull();
    assertThat(wrong.allowedMethods()).containsExactly("DELETE", "GET");
    assertThat(router.match("GET", "/api/v1/nothing").allowedMethods()).isEmpty();
    assertThat(router.match("GET", "/api/v1/buckets/").route()).isNull();
    assertThat(router.match("GET", "/api/v1/buckets/b/objects/").route()).isNull();
    assertThat(router.match("GET", "/api/v1/buckets/b/extra").route()).isNull();
    assertThat(router.match("GET", "/api/v1/bucketsx").route()).isNull();
  }

  @Test
  void malformedEscapesAre400() {
    assertThatThrownBy(() -> router.match("GET", "/api/v1/buckets/b/objects/%zz"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> router.match("GET", "/api/v1/buckets/b/objects/%C3%28"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void openApiSpellingDropsTheGreedyMarker() {
    assertThat(RoutePattern.of("/a/{key+}").openApiPath()).isEqualTo("/a/{key}");
  }
}
