package com.bpocontractflow.document;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through the application's logging (SLF4J) instead of its own java.util.logging
 * handler on standard error, which wrote four INFO lines per rendered PDF whatever
 * {@code logging.level.com.openhtmltopdf} said. Its logger names ({@code com.openhtmltopdf.load}, …) are kept,
 * so that level configures it; application.yaml sets WARN.
 */
final class PdfLogging implements XRLogger {

  private static volatile boolean installed;

  private PdfLogging() {
  }

  /** Routes openhtmltopdf's log to SLF4J (once per JVM). */
  static void install() {
    if (!installed) {
      synchronized (PdfLogging.class) {
        if (!installed) {
          XRLog.setLoggerImpl(new PdfLogging());
          installed = true;
        }
      }
    }
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable thrown) {
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(message, thrown);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(message, thrown);
    } else if (value >= Level.INFO.intValue()) {
      logger.info(message, thrown);
    } else if (value >= Level.FINE.intValue()) {
      logger.debug(message, thrown);
    } else {
      logger.trace(message, thrown);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels are the application's logging configuration's
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int value = diagnostic.getLevel().intValue();
    return value >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
        : value >= Level.WARNING.intValue() ? logger.isWarnEnabled()
        : value >= Level.INFO.intValue() ? logger.isInfoEnabled()
        : value >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}
