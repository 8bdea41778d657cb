package com.bpocontractflow.term;

import com.bpocontractflow.common.Clocks;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Calendar dates of the service term as timer instants (Asia/Shanghai) and as merchants read them. */
public final class TermDates {

  /** Work on a day starts at 9:00 in China. */
  static final LocalTime WORKDAY_START = LocalTime.of(9, 0);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private TermDates() {
  }

  /** 9:00 on the day, for a task that someone should find in the morning. */
  public static Date morningOf(LocalDate day) {
    return Date.from(day.atTime(WORKDAY_START).atZone(Clocks.ZONE).toInstant());
  }

  /** The first moment after the day: service on that day is complete. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant());
  }

  /** Today in China by the engine's clock (which tests move to drive timers). */
  public static LocalDate today() {
    return Clocks.today();
  }

  public static String zh(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }
}
