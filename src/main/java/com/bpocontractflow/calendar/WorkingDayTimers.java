package com.bpocontractflow.calendar;

import com.bpocontractflow.common.Clocks;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's business calendars with China's working days: a timer duration, a task due date or a
 * repeating cycle given in whole days ({@code P2D}, {@code R3/P2D}) counts working days and falls due at
 * 9:00 Asia/Shanghai of the last one, so a reminder "every two days" never reaches a merchant on a Sunday or
 * during the Spring Festival. Anything with a time part ({@code PT10M}, {@code P1DT2H}), dates and cron
 * expressions keep the engine's own meaning (clock time), which demo and test settings use.
 *
 * <p>A cycle's occurrences are counted from its start, like the engine's own: the n-th falls due n
 * periods of working days after the start, and after an outage only the next one still ahead of the clock
 * fires (one reminder, not a burst).
 */
public final class WorkingDayTimers {

  /** When a working-day timer falls due. */
  public static final LocalTime DUE_AT = LocalTime.of(9, 0);

  private static final Pattern WHOLE_DAYS = Pattern.compile("P(\\d{1,4})D");
  private static final Pattern CYCLE = Pattern.compile("R(\\d{1,6})/(?:([^/]+)/)?P(\\d{1,4})D");

  private final ChineseWorkdays workdays;

  public WorkingDayTimers(ChineseWorkdays workdays) {
    this.workdays = workdays;
  }

  /** The engine's calendar manager with the three working-day calendars. */
  public BusinessCalendarManager manager() {
    MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
    manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new Duration());
    manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDate());
    manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new Cycle());
    return manager;
  }

  /** The number of days of a duration given in whole days only ({@code P2D}), else empty. */
  static Optional<Integer> wholeDays(String duration) {
    Matcher days = WHOLE_DAYS.matcher(duration.trim());
    return days.matches() ? Optional.of(Integer.parseInt(days.group(1))) : Optional.empty();
  }

  /** 9:00 on the {@code days}-th working day after the day of {@code start} (in China). */
  Date after(Date start, int days) {
    LocalDate from = start.toInstant().atZone(Clocks.ZONE).toLocalDate();
    LocalDate due = days == 0 ? workdays.workingDayFrom(from) : workdays.plusWorkingDays(from, days);
    return Date.from(due.atTime(DUE_AT).atZone(Clocks.ZONE).toInstant());
  }

  /**
   * A duration as the engine's timers read it: whole days as {@code P<n>D} (working days, see above),
   * anything else as Java writes it ({@code PT10M}). Java writes two days as {@code PT48H}, which would
   * count clock hours.
   */
  public static String iso(java.time.Duration duration) {
    return duration.toSeconds() % 86_400 == 0 && duration.toNanosPart() == 0
        ? "P" + duration.toDays() + "D" : duration.toString();
  }

  /** When a timer of this duration started at {@code start} falls due, as the engine computes it. */
  public OffsetDateTime due(OffsetDateTime start, java.time.Duration duration) {
    Optional<Integer> days = wholeDays(iso(duration));
    return days.isPresent()
        ? after(Date.from(start.toInstant()), days.get()).toInstant().atZone(Clocks.ZONE).toOffsetDateTime()
        : start.plus(duration);
  }

  private static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Whole days as working days from the start (or now), else what the engine's own calendar says. */
  private Date wholeDaysOr(String duedate, Date startDate, Supplier<Date> engines) {
    Optional<Integer> days = wholeDays(duedate);
    return days.isPresent() ? after(startDate == null ? now() : startDate, days.get()) : engines.get();
  }

  private final class Duration extends DurationBusinessCalendar {
    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
      return wholeDaysOr(duedate, startDate, () -> super.resolveDuedate(duedate, startDate));
    }
  }

  private final class DueDate extends DueDateBusinessCalendar {
    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
      return wholeDaysOr(duedate, startDate, () -> super.resolveDuedate(duedate, startDate));
    }
  }

  private final class Cycle extends CycleBusinessCalendar {
    /**
     * {@code R<n>[/<start>]/P<k>D}: the first of the n occurrences (start + i·k working days, i = 1..n,
     * shifted by the engine's repeat offset) that lies after {@code startDate}, or after now; null when all
     * have passed, which ends the cycle as the engine's own calendar does.
     */
    @Override
    public Date resolveDuedate(String duedate, Date startDate, long repeatOffset) {
      Matcher cycle = CYCLE.matcher(duedate.trim());
      if (!cycle.matches()) {
        return super.resolveDuedate(duedate, startDate, repeatOffset);
      }
      int times = Integer.parseInt(cycle.group(1));
      Date start = cycle.group(2) == null ? (startDate == null ? now() : startDate) : parse(cycle.group(2));
      int period = Integer.parseInt(cycle.group(3));
      Date after = startDate == null ? now() : startDate;
      for (int i = 1; i <= times; i++) {
        Date due = new Date(after(start, i * period).getTime() + repeatOffset);
        if (due.after(after)) {
          return due;
        }
      }
      return null;
    }

    private Date parse(String start) {
      try {
        return Date.from(OffsetDateTime.parse(start).toInstant());
      } catch (java.time.format.DateTimeParseException offsetMissing) {
        // the engine writes the start without a zone: the JVM's default zone, as its own calendar reads it
        return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(start), java.time.ZoneId.systemDefault())
            .toInstant());
      }
    }
  }
}
