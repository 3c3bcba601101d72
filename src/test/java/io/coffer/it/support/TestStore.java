package io.coffer.it.support;

import java.util.Locale;

/**
 * Which metadata store the integration tests' servers use: the system property {@code
 * coffer.it.metadata} ({@code sqlite}, the default, or {@code postgres}, which the second failsafe
 * execution in pom.xml sets for the S3 and management tests).
 */
public final class TestStore {
  /** The system property naming the store. */
  public static final String PROPERTY = "coffer.it.metadata";

  private TestStore() {}

  /** Whether this JVM's servers keep their metadata in PostgreSQL. */
  public static boolean postgres() {
    String value = System.getProperty(PROPERTY, "sqlite").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "sqlite", "" -> false;
      case "postgres", "postgresql" -> true;
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " must be sqlite or postgres, not " + value);
    };
  }
}
