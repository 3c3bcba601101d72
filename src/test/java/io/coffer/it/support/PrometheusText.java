package io.coffer.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** One scrape of a Prometheus text exposition: series (name with its labels) to value. */
public record PrometheusText(Map<String, Double> series) {

  public static PrometheusText scrape(String consoleEndpoint) throws Exception {
    HttpResponse<String> response =
        RawS3.HTTP.send(
            HttpRequest.newBuilder(URI.create(consoleEndpoint + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /metrics answered " + response.statusCode());
    }
    return parse(response.body());
  }

  /** The series of a scrape's text. */
  public static PrometheusText parse(String text) {
    Map<String, Double> series = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return new PrometheusText(series);
  }

  /**
   * The value of {@code name} with exactly these labels (in Micrometer's alphabetical order, as
   * {@code key="value"} pairs), or 0 when the series does not exist yet.
   */
  public double value(String name, String... labels) {
    String key = labels.length == 0 ? name : name + "{" + String.join(",", labels) + "}";
    return series.getOrDefault(key, 0.0);
  }

  /** Whether any series of this name exists, whatever its labels. */
  public boolean has(String name) {
    return series.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
  }
}
