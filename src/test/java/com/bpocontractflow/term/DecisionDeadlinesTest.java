package com.bpocontractflow.term;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** When an undecided trial review or renewal goes to managers: a lead before its due date, never before it exists. */
class DecisionDeadlinesTest {

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(Clocks.ZONE).toInstant());
  }

  @Test
  void shouldEscalateTheLeadBeforeTheDueDateButNotBeforeTheTaskIsCreated() {
    Date created = at(LocalDate.of(2027, 11, 28), 9);
    Date due = at(LocalDate.of(2027, 11, 30), 9);
    assertThat(ServiceTerm.before(due, Duration.ofDays(1), created)).isEqualTo(at(LocalDate.of(2027, 11, 29), 9));
    // a renewal window shorter than the lead: escalated when the task is created
    assertThat(ServiceTerm.before(due, Duration.ofDays(3), created)).isEqualTo(created);
  }

  @Test
  void shouldDefaultToNineHoursForTheTrialAndThreeDaysForTheRenewal() {
    assertThat(DecisionDeadlines.DEFAULT.trialEscalationBeforeDue()).isEqualTo(Duration.ofHours(9));
    assertThat(DecisionDeadlines.DEFAULT.renewalEscalationBeforeDue()).isEqualTo(Duration.ofDays(3));
  }
}
