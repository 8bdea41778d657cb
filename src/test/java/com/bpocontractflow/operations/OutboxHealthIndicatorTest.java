package com.bpocontractflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.bpocontractflow.mail.MailOutbox;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** What the outbox's health says: DOWN when delivery is stuck or an e-mail waits for an operator's decision. */
class OutboxHealthIndicatorTest {

  final MailOutbox outbox = mock(MailOutbox.class);
  final OutboxHealthIndicator indicator = new OutboxHealthIndicator(outbox, Duration.ofHours(1));

  Health with(MailOutbox.Backlog backlog) {
    when(outbox.backlog()).thenReturn(backlog);
    return indicator.health();
  }

  @Test
  void shouldBeUpWithEveryCountWhileEmailsFlow() {
    Health health = with(new MailOutbox.Backlog(3, 2, 0, 0, OffsetDateTime.now().minusMinutes(5)));
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("pending", 3L).containsEntry("sending", 2L)
        .containsEntry("unknown", 0L).containsEntry("failed", 0L).doesNotContainKey("needsOperator");
    assertThat((Long) health.getDetails().get("oldestPendingSeconds")).isBetween(299L, 310L);
  }

  @Test
  void shouldBeDownWhileAnEmailOfUnknownOutcomeWaitsForAnOperator() {
    Health health = with(new MailOutbox.Backlog(0, 0, 1, 0, null));
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("unknown", 1L)
        .hasEntrySatisfying("needsOperator", text -> assertThat(text.toString()).contains("/staff/outbox"));
  }

  @Test
  void shouldBeDownWhenAnEmailWaitedLongerThanTheMaximumAge() {
    Health health = with(new MailOutbox.Backlog(0, 1, 0, 0, OffsetDateTime.now().minusHours(2)));
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsKey("stuck");
  }

  @Test
  void shouldReportFailedEmailsWithoutGoingDown() {
    Health health = with(new MailOutbox.Backlog(0, 0, 0, 2, null));
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("failed", 2L).containsEntry("oldestPendingSeconds", 0L);
  }
}
