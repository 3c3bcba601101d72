package io.coffer.it.console;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the system's Chromium and its driver are. Debian's packages by default; override with
 * COFFER_CHROMIUM and COFFER_CHROMEDRIVER. Nothing is ever downloaded.
 */
record Chromium(Path browser, Path driver) {
  static Chromium locate() {
    Path browser = Path.of(setting("COFFER_CHROMIUM", "/usr/bin/chromium"));
    Path driver = Path.of(setting("COFFER_CHROMEDRIVER", "/usr/bin/chromedriver"));
    for (Path p : new Path[] {browser, driver}) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            "The console browser tests need Chromium and its WebDriver, but "
                + p
                + " is missing. On Debian: apt-get install -y chromium chromium-driver"
                + " (or point COFFER_CHROMIUM and COFFER_CHROMEDRIVER at other binaries).");
      }
    }
    return new Chromium(browser, driver);
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
