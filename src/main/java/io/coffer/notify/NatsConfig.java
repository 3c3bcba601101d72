package io.coffer.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A NATS target: each event is published on {@code subject}; with {@code jetstream: true} through
 * JetStream, acknowledged once a stream stored it (a stream must capture the subject).
 *
 * @param url one server URL or several separated by commas ({@code nats://user:pass@host:4222},
 *     {@code tls://…})
 * @param username with {@code password}: user credentials (a password in the URL does the same)
 * @param token a server token instead of user credentials
 */
record NatsConfig(
    String url,
    String subject,
    boolean jetstream,
    @Nullable String username,
    @Nullable String password,
    @Nullable String token) {

  static NatsConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    String url = f.requiredString("url");
    for (String server : servers(url)) {
      ConfigUrls.parse("url", server, Set.of("nats", "tls", "ws", "wss"));
    }
    String subject = f.requiredString("subject");
    if (!subject.matches("[^\\s*>]+")
        || subject.startsWith(".")
        || subject.endsWith(".")
        || subject.contains("..")) {
      throw new IllegalArgumentException(
          "config.subject must be a NATS subject without spaces or wildcards (a.b.c)");
    }
    NatsConfig config =
        new NatsConfig(
            url,
            subject,
            f.booleanOrDefault("jetstream", false),
            f.optionalString("username"),
            f.optionalString("password"),
            f.optionalString("token"));
    f.finish();
    if ((config.username == null) != (config.password == null)) {
      throw new IllegalArgumentException("config.username and config.password go together");
    }
    if (config.token != null && config.username != null) {
      throw new IllegalArgumentException("config.token and config.username exclude each other");
    }
    return config;
  }

  /** The server URLs, as given (comma-separated). */
  List<String> servers() {
    return servers(url);
  }

  private static List<String> servers(String url) {
    List<String> out = new ArrayList<>();
    for (String s : url.split(",", -1)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    o.put("url", url);
    o.put("subject", subject);
    o.put("jetstream", jetstream);
    ConfigFields.putIfPresent(o, "username", username);
    ConfigFields.putIfPresent(o, "password", password);
    ConfigFields.putIfPresent(o, "token", token);
    return o.toString();
  }

  @Override
  public String toString() {
    return "NatsConfig[url=" + ConfigUrls.redact(url) + ", subject=" + subject + "]";
  }
}
