package io.coffer.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's message brokers and databases that the notification tests deliver to. A test calls
 * {@link #require} first: when the service does not answer, the test fails if the environment says
 * brokers are required ({@code COFFER_REQUIRE_BROKERS=true}, as {@code .ci/run} sets it), and is
 * otherwise skipped with a loud message naming what was not tested, so that {@code ./mvnw verify}
 * passes on a machine without brokers but never hides that it left something out.
 */
public final class Brokers {
  /** The environment variable that turns a missing broker into a failure. */
  public static final String REQUIRE_ENV = "COFFER_REQUIRE_BROKERS";

  /** Each service, where the tests expect it (the machine's standard ports on 127.0.0.1). */
  public enum Broker {
    POSTGRESQL(5432, "postgresql"),
    REDIS(6379, "redis-server"),
    RABBITMQ(5672, "rabbitmq-server"),
    MOSQUITTO(1883, "mosquitto"),
    NATS(4222, "nats-server");

    private final int port;
    private final String debianPackage;

    Broker(int port, String debianPackage) {
      this.port = port;
      this.debianPackage = debianPackage;
    }

    public String host() {
      return "127.0.0.1";
    }

    public int port() {
      return port;
    }
  }

  private Brokers() {}

  /** Fails or skips the calling test when the broker does not answer (see the class comment). */
  public static void require(Broker broker) {
    check(
        broker.name(),
        broker.host(),
        broker.port(),
        broker.debianPackage,
        System.getenv(REQUIRE_ENV));
  }

  /** {@link #require} with the address and the environment variable's value given. */
  static void check(String name, String host, int port, String debianPackage, String requireEnv) {
    if (answers(host, port)) {
      return;
    }
    String what =
        name.toLowerCase(Locale.ROOT)
            + " is not reachable at "
            + host
            + ":"
            + port
            + " (Debian package "
            + debianPackage
            + "; .ci/run installs and starts it)";
    if ("true".equalsIgnoreCase(requireEnv)) {
      Assertions.fail(what + ", and " + REQUIRE_ENV + "=true requires it");
    }
    String banner = "*".repeat(100);
    System.err.println(banner);
    System.err.println("*** NOT TESTED: " + what + ".");
    System.err.println("*** Set " + REQUIRE_ENV + "=true to make this a failure.");
    System.err.println(banner);
    Assumptions.abort("NOT TESTED: " + what);
  }

  /** Whether something accepts TCP connections there (within two seconds). */
  public static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
