package io.coffer.notify;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Redis target: each event is appended to {@code key}, a list ({@code format: list}, RPUSH) or a
 * stream ({@code format: stream}, XADD with the document in the entry's {@code event} field).
 *
 * @param url {@code redis://[user:password@]host:6379[/db]} or {@code rediss://…}
 * @param password overrides a password in the URL
 */
record RedisConfig(URI url, String key, String format, @Nullable String password) {
  static final String LIST = "list";
  static final String STREAM = "stream";

  static RedisConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    URI url = ConfigUrls.parse("url", f.requiredString("url"), Set.of("redis", "rediss"));
    String path = url.getPath();
    if (path != null && !path.isEmpty() && !path.matches("/\\d{0,5}")) {
      throw new IllegalArgumentException("config.url's path must be a database number (/0)");
    }
    RedisConfig config =
        new RedisConfig(
            url,
            f.requiredString("key"),
            f.oneOf("format", LIST, Set.of(LIST, STREAM)),
            f.optionalString("password"));
    f.finish();
    return config;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    o.put("url", url.toString());
    o.put("key", key);
    o.put("format", format);
    ConfigFields.putIfPresent(o, "password", password);
    return o.toString();
  }

  @Override
  public String toString() {
    return "RedisConfig[url=" + ConfigUrls.redact(url.toString()) + ", key=" + key + "]";
  }
}
