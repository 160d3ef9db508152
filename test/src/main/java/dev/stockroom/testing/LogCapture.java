package dev.stockroom.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures what is logged (by default everything under {@code dev.stockroom}, at every level). */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previous;

  /** Captures everything logged under {@code dev.stockroom}. */
  public LogCapture() {
    this("dev.stockroom");
  }

  /** Captures everything logged under {@code loggerName} ("ROOT" for all). */
  public LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    appender.start();
    logger.addAppender(appender);
  }

  /** Returns every event, formatted, with level: "WARN message". */
  public List<String> lines() {
    return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
        .toList();
  }

  /** Returns the formatted messages logged at {@code level}. */
  public List<String> messages(Level level) {
    return appender.list.stream().filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Stops capturing and restores the logger's level. */
  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
