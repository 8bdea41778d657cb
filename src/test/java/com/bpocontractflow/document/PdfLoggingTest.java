package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** openhtmltopdf logs through the application's logging, under its own logger names, at their levels. */
class PdfLoggingTest {

  @Test
  void shouldLogRendersThroughTheApplicationsLoggingAtItsLevels() {
    Logger openhtmltopdf = (Logger) LoggerFactory.getLogger("com.openhtmltopdf");
    Level before = openhtmltopdf.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    openhtmltopdf.addAppender(events);
    try {
      PdfRenderer renderer = new PdfRenderer();
      openhtmltopdf.setLevel(Level.INFO);
      renderer.render("<p>测试</p>", "测试", Instant.EPOCH, 1);
      assertThat(events.list).as("its INFO lines reach the application's logging").isNotEmpty()
          .allSatisfy(event -> assertThat(event.getLoggerName()).startsWith("com.openhtmltopdf"));

      events.list.clear();
      openhtmltopdf.setLevel(Level.WARN);
      renderer.render("<p>测试</p>", "测试", Instant.EPOCH, 2);
      assertThat(events.list).as("at WARN, no INFO line").noneMatch(event -> event.getLevel() == Level.INFO);
    } finally {
      openhtmltopdf.detachAppender(events);
      openhtmltopdf.setLevel(before);
    }
  }
}
