package io.coffer.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends to Redis with Jedis: RPUSH onto a list, or XADD onto a stream (the document in the
 * entry's {@code event} field, the event type in {@code eventName}). A send returns once Redis
 * answered the command; how durable that is depends on the server's own persistence settings.
 */
final class RedisSender implements EventSender {
  private static final int TIMEOUT_MS = 10_000;
  static final byte[] EVENT_FIELD = "event".getBytes(StandardCharsets.UTF_8);
  static final byte[] NAME_FIELD = "eventName".getBytes(StandardCharsets.UTF_8);

  private final RedisConfig config;
  private final byte[] key;
  private volatile @Nullable Jedis jedis;

  RedisSender(RedisConfig config) {
    this.config = config;
    this.key = config.key().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void send(EventMessage message) throws IOException {
    try {
      Jedis j = connected();
      if (config.format().equals(RedisConfig.STREAM)) {
        j.xadd(
            key,
            XAddParams.xAddParams(),
            Map.of(
                EVENT_FIELD,
                message.body(),
                NAME_FIELD,
                message.eventName().getBytes(StandardCharsets.UTF_8)));
      } else {
        j.rpush(key, message.body());
      }
    } catch (RuntimeException e) {
      close();
      throw Failures.retryable("redis", e);
    }
  }

  private Jedis connected() {
    Jedis j = jedis;
    if (j != null && j.isConnected() && !j.isBroken()) {
      return j;
    }
    close();
    ConfigUrls.UserInfo fromUrl = ConfigUrls.userInfo(config.url());
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(TIMEOUT_MS)
            .socketTimeoutMillis(TIMEOUT_MS)
            .clientName("coffer")
            .database(database());
    if ("rediss".equals(config.url().getScheme().toLowerCase(Locale.ROOT))) {
      client.sslOptions(SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL).build());
    }
    // redis://:password@host has an empty user: Redis's default user
    if (fromUrl.user() != null && !fromUrl.user().isEmpty()) {
      client.user(fromUrl.user());
    }
    String password = config.password() != null ? config.password() : fromUrl.password();
    if (password != null) {
      client.password(password);
    }
    int port = config.url().getPort() < 0 ? 6379 : config.url().getPort();
    j = new Jedis(new HostAndPort(config.url().getHost(), port), client.build());
    j.connect();
    jedis = j;
    return j;
  }

  private int database() {
    String path = config.url().getPath();
    return path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
  }

  @Override
  public void close() {
    Jedis j = jedis;
    jedis = null;
    if (j != null) {
      try {
        j.close();
      } catch (RuntimeException e) {
        // a broken connection may fail to close; it is gone either way
      }
    }
  }
}
