package io.coffer.notify;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;

/**
 * jnats prints its connection errors to standard error by default; here a failure is reported once,
 * by the send it made fail (the delivery worker logs and counts it).
 */
final class QuietNatsErrors implements ErrorListener {
  @Override
  public void errorOccurred(Connection conn, String error) {}

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {}
}
