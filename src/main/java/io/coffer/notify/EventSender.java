package io.coffer.notify;

import java.io.IOException;

/**
 * Delivers event messages to one target (a webhook, a broker's subject, queue or topic, a table).
 * One sender per target, used by one delivery worker at a time; it connects lazily and reconnects
 * after a failure.
 */
public interface EventSender extends AutoCloseable {

  /**
   * Delivers one message, returning once the target has accepted it — durably where the target can
   * say so (a JetStream or publisher-confirm acknowledgement, QoS 1's PUBACK, a committed insert, a
   * 2xx answer).
   *
   * @throws IOException when the target is unreachable or refused the message; the worker retries
   *     the same message later
   */
  void send(EventMessage message) throws IOException;

  /** Releases connections; never throws. */
  @Override
  void close();
}
