package io.coffer.notify;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;

/**
 * Publishes to an MQTT broker with Eclipse Paho's blocking client: a send returns once the publish
 * completed for its QoS (PUBACK for 1, PUBCOMP for 2). The session is clean and kept in memory: the
 * durable copy of an unacknowledged event is Coffer's outbox, not the client's.
 */
final class MqttSender implements EventSender {
  private static final int TIMEOUT_SECONDS = 10;

  private final MqttConfig config;
  private volatile @Nullable MqttClient client;

  MqttSender(MqttConfig config) {
    this.config = config;
  }

  @Override
  public void send(EventMessage message) throws IOException {
    try {
      connected().publish(config.topic(), message.body(), config.qos(), false);
    } catch (MqttException | RuntimeException e) {
      close();
      throw Failures.retryable("mqtt", e);
    }
  }

  private MqttClient connected() throws MqttException {
    MqttClient c = client;
    if (c != null && c.isConnected()) {
      return c;
    }
    close();
    // unique per connection: a broker drops the older of two sessions with one client ID
    String clientId = "coffer-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    c = new MqttClient(pahoUri(config.broker()), clientId, new MemoryPersistence());
    c.setTimeToWait(TIMEOUT_SECONDS * 1000L);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(TIMEOUT_SECONDS);
    ConfigUrls.UserInfo fromUrl = ConfigUrls.userInfo(config.broker());
    String user = config.username() != null ? config.username() : fromUrl.user();
    String password = config.password() != null ? config.password() : fromUrl.password();
    if (user != null) {
      options.setUserName(user);
    }
    if (password != null) {
      options.setPassword(password.toCharArray());
    }
    try {
      c.connect(options);
    } catch (MqttException e) {
      c.close(true);
      throw e;
    }
    client = c;
    return c;
  }

  /** Paho's form of the broker URL: schemes tcp/ssl/ws/wss, no user information. */
  static String pahoUri(URI broker) {
    String scheme =
        switch (broker.getScheme().toLowerCase(Locale.ROOT)) {
          case "mqtt" -> "tcp";
          case "mqtts" -> "ssl";
          default -> broker.getScheme().toLowerCase(Locale.ROOT);
        };
    int port = broker.getPort();
    if (port < 0) {
      port = scheme.equals("ssl") || scheme.equals("wss") ? 8883 : 1883;
    }
    String path = broker.getRawPath() == null ? "" : broker.getRawPath();
    String host = broker.getHost();
    return scheme + "://" + host + ":" + port + (scheme.startsWith("ws") ? path : "");
  }

  @Override
  public void close() {
    MqttClient c = client;
    client = null;
    if (c != null) {
      try {
        if (c.isConnected()) {
          c.disconnectForcibly(1000, 1000);
        }
        c.close(true);
      } catch (MqttException | RuntimeException e) {
        // a broken connection may fail to close; it is gone either way
      }
    }
  }
}
