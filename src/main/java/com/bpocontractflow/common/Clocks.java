package com.bpocontractflow.common;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The business time zone: dates in contracts, forms and e-mails are dates in China. */
public final class Clocks {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * Today in China by the process engine's clock: the system clock in production; tests move it to
   * drive timers, and every date rule moves with it.
   */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  private Clocks() {
  }
}
