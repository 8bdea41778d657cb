package com.bpocontractflow.calendar;

import com.bpocontractflow.common.Clocks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code workingDayCalendar} in the health details: the years whose holidays are known, and a warning
 * (never DOWN) while this year or a year the next {@value #LOOK_AHEAD_DAYS} days reach is missing, so
 * that the operator adds it when the State Council publishes it (usually in November).
 */
@Component("workingDayCalendar")
public class WorkingDayCalendarHealth implements HealthIndicator {

  static final int LOOK_AHEAD_DAYS = 60;

  private final ChineseWorkdays workdays;

  public WorkingDayCalendarHealth(ChineseWorkdays workdays) {
    this.workdays = workdays;
  }

  @Override
  public Health health() {
    LocalDate today = Clocks.today();
    List<Integer> missing = new ArrayList<>();
    for (int year = today.getYear(); year <= today.plusDays(LOOK_AHEAD_DAYS).getYear(); year++) {
      if (!workdays.published(year)) {
        missing.add(year);
      }
    }
    Health.Builder health = Health.up().withDetail("publishedYears", workdays.publishedYears());
    if (!missing.isEmpty()) {
      health.withDetail("warning", "no statutory holidays for " + missing + ": weekends only until "
          + "<year>.json is added to bpo.calendar.dir");
    }
    return health.build();
  }
}
