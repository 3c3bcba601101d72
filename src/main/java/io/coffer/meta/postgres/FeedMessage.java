package io.coffer.meta.postgres;

import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import io.coffer.model.StoreChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The messages of the change feed (one {@code pg_notify} channel, {@link Changes#CHANNEL}): a
 * change caches must forget ({@code C}), an object event for other nodes' live listeners ({@code
 * E}), or "the live listeners changed" ({@code L}). An event's fields are length-prefixed, so that
 * any value round-trips; its key is Base64 (a notification's payload is text, and a key may hold a
 * NUL). Payloads stay far below PostgreSQL's 8000 bytes: a key has at most 1024 bytes.
 */
final class FeedMessage {
  static final String LISTENERS_CHANGED = "L";
  private static final Map<String, EventName> BY_AWS_NAME = new HashMap<>();

  static {
    for (EventName n : EventName.values()) {
      BY_AWS_NAME.put(n.awsName(), n);
    }
  }

  private FeedMessage() {}

  /** What one message said. */
  sealed interface Parsed {}

  record Change(String origin, StoreChange change) implements Parsed {}

  record Event(String origin, ObjectEvent event) implements Parsed {}

  record ListenersChanged() implements Parsed {}

  static String change(String origin, StoreChange change) {
    StringBuilder sb = new StringBuilder(64).append('C');
    field(sb, origin);
    return sb.append(change.kind().name()).append(':').append(change.name()).toString();
  }

  /** An event's message without its sequencer, which the database appends (its digits). */
  static String eventWithoutSequencer(String origin, ObjectEvent e) {
    StringBuilder sb = new StringBuilder(256).append('E');
    field(sb, origin);
    field(sb, e.name().awsName());
    field(sb, e.bucket());
    String key = e.key();
    field(
        sb,
        key == null
            ? null
            : Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    field(sb, Long.toString(e.size()));
    field(sb, e.etag());
    field(sb, e.versionId());
    field(sb, Long.toString(e.time().toEpochMilli()));
    field(sb, e.requestId());
    field(sb, e.principalId());
    field(sb, e.sourceIp());
    return sb.toString();
  }

  private static void field(StringBuilder sb, @Nullable String value) {
    if (value == null) {
      sb.append('-');
    } else {
      sb.append(value.length()).append(':').append(value);
    }
  }

  /** The message, or null when this build does not know its kind (a newer node sent it). */
  static @Nullable Parsed parse(String payload) {
    if (payload.isEmpty()) {
      return null;
    }
    switch (payload.charAt(0)) {
      case 'L' -> {
        return new ListenersChanged();
      }
      case 'C' -> {
        try {
          return parseChange(payload);
        } catch (RuntimeException e) {
          return null;
        }
      }
      case 'E' -> {
        try {
          return parseEvent(payload);
        } catch (RuntimeException e) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
  }

  private static @Nullable Parsed parseChange(String payload) {
    int colon = payload.indexOf(':');
    int originLength = Integer.parseInt(payload, 1, colon, 10);
    String origin = payload.substring(colon + 1, colon + 1 + originLength);
    String rest = payload.substring(colon + 1 + originLength);
    int kindEnd = rest.indexOf(':');
    if (kindEnd < 0) {
      return null;
    }
    StoreChange.Kind kind = StoreChange.Kind.valueOf(rest.substring(0, kindEnd));
    return new Change(origin, new StoreChange(kind, rest.substring(kindEnd + 1)));
  }

  private static @Nullable Parsed parseEvent(String payload) {
    List<@Nullable String> f = new ArrayList<>();
    int at = 1;
    for (int i = 0; i < 11; i++) {
      if (at >= payload.length()) {
        return null;
      }
      if (payload.charAt(at) == '-') {
        f.add(null);
        at++;
        continue;
      }
      int colon = payload.indexOf(':', at);
      if (colon < 0) {
        return null;
      }
      int length = Integer.parseInt(payload, at, colon, 10);
      f.add(payload.substring(colon + 1, colon + 1 + length));
      at = colon + 1 + length;
    }
    EventName name = BY_AWS_NAME.get(must(f.get(1)));
    if (name == null) {
      return null;
    }
    String key = f.get(3);
    ObjectEvent event =
        new ObjectEvent(
            name,
            must(f.get(2)),
            key == null
                ? null
                : new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8),
            Long.parseLong(must(f.get(4))),
            f.get(5),
            f.get(6),
            ObjectEvent.sequencer(Long.parseLong(payload.substring(at))),
            Instant.ofEpochMilli(Long.parseLong(must(f.get(7)))),
            must(f.get(8)),
            must(f.get(9)),
            f.get(10));
    return new Event(must(f.get(0)), event);
  }

  private static String must(@Nullable String s) {
    if (s == null) {
      throw new IllegalArgumentException("a required field of an event message is missing");
    }
    return s;
  }
}
