package io.coffer.meta;

import io.coffer.it.support.Brokers;
import io.coffer.it.support.PostgresDatabase;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * A jqwik property container that needs PostgreSQL
 * ({@code @AddLifecycleHook(PostgresRequired.class)}): jqwik reports an aborted
 * {@code @BeforeContainer} as an error, so the container is skipped here instead, with {@link
 * PostgresDatabase}'s loud message, when PostgreSQL does not answer and {@code
 * COFFER_REQUIRE_BROKERS} is not {@code true} (then the properties run, and fail).
 */
public final class PostgresRequired implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    if (Brokers.answers(Brokers.Broker.POSTGRESQL.host(), Brokers.Broker.POSTGRESQL.port())
        || "true".equalsIgnoreCase(System.getenv(Brokers.REQUIRE_ENV))) {
      return SkipResult.doNotSkip();
    }
    String what = "postgresql is not reachable at 127.0.0.1:5432 (" + context.label() + ")";
    System.err.println("*".repeat(100));
    System.err.println("*** NOT TESTED: " + what + ".");
    System.err.println("*** Set " + Brokers.REQUIRE_ENV + "=true to make this a failure.");
    System.err.println("*".repeat(100));
    return SkipResult.skip("NOT TESTED: " + what);
  }
}
