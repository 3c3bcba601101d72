package io.coffer.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssetPathsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/js/app.js",
        "/css/console.css",
        "/favicon.svg",
        "/vendor/chart.js/chart.umd.min.js"
      })
  void plainPathsToKnownFileTypesAreSafe(String path) {
    assertThat(AssetPaths.isSafe(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "js/app.js",
        "/",
        "/js",
        "/js/",
        "//app.js",
        "/../app.js",
        "/js/../app.js",
        "/./app.js",
        "/.env.js",
        "/%2e%2e/app.js",
        "/js%2fapp.js",
        "/js\\app.js",
        "/app.js?x",
        "/app.class",
        "/META-INF/MANIFEST.MF",
        "/app.js\u0000.png",
      })
  void anythingElseIsNot(String path) {
    assertThat(AssetPaths.isSafe(path)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "index.html, text/html; charset=utf-8",
    "a/b.js, text/javascript; charset=utf-8",
    "x.css, text/css; charset=utf-8",
    "x.svg, image/svg+xml",
    "x.png, image/png",
    "chart.umd.min.js.map, application/json",
  })
  void contentTypesFollowTheExtension(String path, String type) {
    assertThat(AssetPaths.contentType(path)).isEqualTo(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "x.class", "x.properties", "dir.d/file"})
  void otherExtensionsHaveNoType(String path) {
    assertThat(AssetPaths.contentType(path)).isNull();
  }
}
