package com.bpocontractflow.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TermDatesTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void timerInstantsAreChinaTimes() {
    LocalDate day = LocalDate.of(2026, 10, 8);
    assertThat(TermDates.morningOf(day).toInstant()).isEqualTo(Instant.parse("2026-10-08T01:00:00Z"));
    assertThat(TermDates.endOf(day).toInstant()).isEqualTo(Instant.parse("2026-10-08T16:00:00Z"));
  }

  @Test
  void todayIsTheChinaDateOfTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-07T16:30:00Z")));
    assertThat(TermDates.today()).isEqualTo(LocalDate.of(2026, 10, 8));
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-10-08T23:59:59+08:00").toInstant()));
    assertThat(TermDates.today()).isEqualTo(LocalDate.of(2026, 10, 8));
  }

  @Test
  void datesReadAsMerchantsWriteThem() {
    assertThat(TermDates.zh(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
    assertThat(TermDates.zh(null)).isNull();
  }
}
