package io.coffer.it.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM (the test server runs in it) at DEBUG and above, while open: for
 * asserting that something never reaches the log. The events still go to the usual appenders.
 */
final class ServerLog implements AutoCloseable {
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger root;
  private final Level rootLevel;

  ServerLog() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    events.setContext(context);
    events.start();
    root.addAppender(events);
    root.setLevel(Level.DEBUG);
  }

  /** Each event as text: logger, message, MDC and stack trace. */
  synchronized List<String> lines() {
    return List.copyOf(events.list).stream()
        .map(
            e ->
                e.getLoggerName()
                    + " "
                    + e.getFormattedMessage()
                    + " "
                    + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(events);
    root.setLevel(rootLevel);
  }
}
