package io.coffer.config;

import org.jspecify.annotations.Nullable;

/**
 * Who may read {@code /metrics}.
 *
 * @param token {@code --metrics-token} / {@code COFFER_METRICS_TOKEN}: a scrape must send {@code
 *     Authorization: Bearer <token>}; null leaves {@code /metrics} open to whoever reaches the
 *     console port, as before the option existed
 */
public record MetricsSettings(@Nullable String token) {

  public static final MetricsSettings OPEN = new MetricsSettings(null);

  /** Never shows the token. */
  @Override
  public String toString() {
    return "MetricsSettings[token=" + (token == null ? "none" : "set") + "]";
  }
}
