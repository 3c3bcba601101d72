package io.coffer.it.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the browser did wrong since the last look: errors in its console, and any request to an
 * origin other than the console's (a CDN, a font service...). Requests come from Chrome's
 * performance log (Network.requestWillBeSent), which records every request the page starts,
 * including those that the Content-Security-Policy then blocks.
 */
final class BrowserProblems {
  private static final JsonMapper JSON = JsonMapper.shared();
  private final String allowedOrigin;
  private final List<String> expectedErrors = new ArrayList<>();
  private final List<String> otherOrigins = new ArrayList<>();

  BrowserProblems(String consoleOrigin) {
    this.allowedOrigin = URI.create(consoleOrigin).resolve("/").toString();
  }

  /** Lets one console error containing {@code fragment} pass (e.g. a 409 the test provokes). */
  void expectError(String fragment) {
    expectedErrors.add(fragment);
  }

  /** Lets requests to another origin pass: a test's own page, or the S3 port it posts to. */
  void allowOrigin(String origin) {
    otherOrigins.add(URI.create(origin).resolve("/").toString());
  }

  /** Reads (and so empties) the browser's logs; the problems found, one line each. */
  List<String> collect(WebDriver driver) {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && !wasExpected(entry.getMessage())) {
        problems.add("browser console error: " + entry.getMessage());
      }
    }
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      if (message.path("method").asString("").equals("Network.requestWillBeSent")) {
        String url = message.path("params").path("request").path("url").asString("");
        if (!isLocal(url)) {
          problems.add("request to another host: " + url);
        }
      }
    }
    expectedErrors.clear();
    return problems;
  }

  private boolean wasExpected(String message) {
    for (int i = 0; i < expectedErrors.size(); i++) {
      if (message.contains(expectedErrors.get(i))) {
        expectedErrors.remove(i);
        return true;
      }
    }
    return false;
  }

  private boolean isLocal(String url) {
    return url.startsWith(allowedOrigin)
        || otherOrigins.stream().anyMatch(url::startsWith)
        || url.startsWith("data:")
        || url.startsWith("blob:" + allowedOrigin)
        || url.startsWith("about:");
  }
}
