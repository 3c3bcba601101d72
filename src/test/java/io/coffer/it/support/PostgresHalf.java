package io.coffer.it.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Leaves out every test of a run on PostgreSQL ({@link TestStore#postgres}) when the machine has no
 * PostgreSQL, saying so once, plainly: {@code ./mvnw verify} then passes the SQLite half and
 * reports that the PostgreSQL half was not run, instead of a skip notice per test class. With
 * {@code COFFER_REQUIRE_BROKERS=true} (CI) nothing is left out, and the tests fail without
 * PostgreSQL. Registered in {@code META-INF/services}; it does nothing in a run on SQLite.
 */
public final class PostgresHalf implements PostDiscoveryFilter {
  private static final AtomicBoolean SAID = new AtomicBoolean();
  private static volatile @Nullable Boolean leaveOut;

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    if (!leaveOut()) {
      return FilterResult.included("PostgreSQL answers, or is required");
    }
    if (SAID.compareAndSet(false, true)) {
      String banner = "*".repeat(100);
      System.err.println(banner);
      System.err.println(
          "*** NOT RUN: the integration tests on PostgreSQL (coffer.it.metadata=postgres):"
              + " postgresql is not reachable at 127.0.0.1:5432 (Debian package postgresql;"
              + " .ci/run installs and starts it).");
      System.err.println("*** Set " + Brokers.REQUIRE_ENV + "=true to make this a failure.");
      System.err.println(banner);
    }
    return FilterResult.excluded("NOT RUN: no PostgreSQL at 127.0.0.1:5432");
  }

  private static boolean leaveOut() {
    Boolean answer = leaveOut;
    if (answer == null) {
      Brokers.Broker pg = Brokers.Broker.POSTGRESQL;
      answer =
          TestStore.postgres()
              && !"true".equalsIgnoreCase(System.getenv(Brokers.REQUIRE_ENV))
              && !Brokers.answers(pg.host(), pg.port());
      leaveOut = answer;
    }
    return answer;
  }
}
