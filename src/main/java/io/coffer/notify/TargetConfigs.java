package io.coffer.notify;

import io.coffer.model.TargetType;

/**
 * What each target type's configuration must hold (the management API's {@code config} object):
 * validation with defaults filled in, and the view without secrets.
 */
public final class TargetConfigs {
  private TargetConfigs() {}

  /**
   * Checks a configuration (a JSON object) for its type and returns it with defaults filled in.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public static String validate(TargetType type, String configJson) {
    throw new UnsupportedOperationException("issue 18: targets helper");
  }

  /**
   * The configuration without its secrets, as the management API returns it: secret fields removed,
   * a password in a URL replaced by {@code ***}.
   */
  public static String redact(TargetType type, String configJson) {
    throw new UnsupportedOperationException("issue 18: targets helper");
  }
}
