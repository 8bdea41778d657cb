package com.bpocontractflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.common.Clocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ChineseWorkdaysTest {

  final ChineseWorkdays workdays = ChineseWorkdays.shipped();

  @Test
  void shouldKnowThePublishedHolidaysAndMakeUpWorkingDays() {
    assertThat(workdays.publishedYears()).contains(2025, 2026).doesNotContain(2027);
    // Spring Festival 2026: 02-15 to 02-23 off, Saturday 02-14 and Saturday 02-28 worked
    assertThat(workdays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    for (LocalDate day = LocalDate.of(2026, 2, 15); !day.isAfter(LocalDate.of(2026, 2, 23)); day = day.plusDays(1)) {
      assertThat(workdays.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    assertThat(workdays.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
    assertThat(workdays.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    // National Day 2026: 10-01 to 10-07; Sunday 09-20 and Saturday 10-10 worked
    assertThat(workdays.isRestDay(LocalDate.of(2026, 10, 1))).isTrue();
    assertThat(workdays.isRestDay(LocalDate.of(2026, 9, 20))).isFalse();
    assertThat(workdays.isRestDay(LocalDate.of(2026, 10, 10))).isFalse();
    // an ordinary weekend and weekday
    assertThat(workdays.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
    assertThat(workdays.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
  }

  @Test
  void shouldCountTheWorkingDaysAWaitHasLasted() {
    // from Friday 2026-09-25: Sunday 09-20 is long past; 09-28, 09-29, 09-30 worked, 10-01..07 off,
    // Thursday 10-08, Friday 10-09 and the make-up Saturday 10-10 worked
    assertThat(workdays.workingDaysBetween(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 10))).isEqualTo(6);
    assertThat(workdays.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
    // the first day is not counted, the last is
    assertThat(workdays.workingDaysBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1))).isEqualTo(1);
    assertThat(workdays.workingDaysBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30))).isZero();
    assertThat(workdays.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30))).isZero();
  }

  @Test
  void shouldCountWeekendsOnlyInAYearNotPublishedYet() {
    // 2027-02-08 is a Monday (the Spring Festival 2027 is not published at the time of writing)
    assertThat(workdays.published(2027)).isFalse();
    assertThat(workdays.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue();
    assertThat(workdays.isWorkingDay(LocalDate.of(2027, 2, 6))).isFalse();
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({"2026-02-12, 2, 2026-02-14", "2026-02-13, 2, 2026-02-24", "2026-02-15, 1, 2026-02-24",
      "2026-11-27, 1, 2026-11-30", "2026-09-30, 1, 2026-10-08", "2026-11-30, 0, 2026-11-30"})
  void shouldCountWorkingDaysWithoutTheFirstDay(LocalDate from, int days, LocalDate expected) {
    assertThat(workdays.plusWorkingDays(from, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "notice received {0} + {1} days -> last day {2}")
  @CsvSource({
      // Civil Code art. 201: the day of receipt is not counted
      "2026-03-17, 30, 2026-04-16", "2026-01-31, 30, 2026-03-02", "2026-06-01, 0, 2026-06-01",
      // art. 203: the last day is National Day (10-01 to 10-07): the period ends on 10-08
      "2026-09-01, 30, 2026-10-08",
      // a last day on a Sunday moves to Monday; on a make-up working day (Saturday 2026-02-28) it stays
      "2026-10-30, 30, 2026-11-30", "2026-01-29, 30, 2026-02-28",
      // a year not published yet: weekends only (2027-01-14 is a Thursday)
      "2026-12-15, 30, 2027-01-14"})
  void shouldEndALegalPeriodAsTheCivilCodeSays(LocalDate received, int days, LocalDate lastDay) {
    assertThat(workdays.periodEnd(received, days)).isEqualTo(lastDay);
  }

  @Test
  void shouldWarnInTheHealthDetailsWhileAYearTimersReachIsMissingButStayUp() {
    WorkingDayCalendarHealth health = new WorkingDayCalendarHealth(workdays);
    try {
      ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 30).atTime(10, 0).atZone(Clocks.ZONE).toInstant()));
      Health late = health.health();
      assertThat(late.getStatus()).isEqualTo(Status.UP);
      assertThat(late.getDetails().get("warning").toString()).contains("2027");

      ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 6, 1).atTime(10, 0).atZone(Clocks.ZONE).toInstant()));
      assertThat(health.health().getDetails()).doesNotContainKey("warning").containsKey("publishedYears");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void shouldTakeTheOperatorsYearsFromItsDirectoryWithoutARebuild(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2027.json"), """
        {"holidays": {"2027-02-08": "春节"}, "workdays": {"2027-02-06": "春节"}}
        """);
    Files.writeString(dir.resolve("notes.txt"), "not a year");

    ChineseWorkdays withOperatorYear = ChineseWorkdays.load(dir);

    assertThat(withOperatorYear.publishedYears()).contains(2025, 2026, 2027);
    assertThat(withOperatorYear.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    assertThat(withOperatorYear.isWorkingDay(LocalDate.of(2027, 2, 6))).isTrue();
  }

  @Test
  void shouldRefuseToStartWithAnInvalidCalendarFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2027.json"), """
        {"holidays": {"2027-02-30": "春节"}, "workdays": {}}
        """);

    assertThatThrownBy(() -> ChineseWorkdays.load(dir)).hasMessageContaining("2027-02-30");
    assertThatThrownBy(() -> ChineseWorkdays.load(dir.resolve("missing"))).hasMessageContaining("not a directory");
  }
}
