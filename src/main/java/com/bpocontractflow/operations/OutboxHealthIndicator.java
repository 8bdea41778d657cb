package com.bpocontractflow.operations;

import com.bpocontractflow.mail.MailOutbox;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the mail outbox ({@code /actuator/health}, component {@code mailOutbox}): pending and failed
 * e-mails and the age of the oldest pending one. DOWN when an e-mail has waited longer than
 * {@code bpo.health.outbox-max-age} (delivery is stuck); FAILED e-mails are reported, for operators to retry.
 */
@Component("mailOutboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

  private final MailOutbox outbox;
  private final Duration maxAge;

  OutboxHealthIndicator(MailOutbox outbox, @Value("${bpo.health.outbox-max-age:PT1H}") Duration maxAge) {
    this.outbox = outbox;
    this.maxAge = maxAge;
  }

  @Override
  public Health health() {
    MailOutbox.Backlog backlog = outbox.backlog();
    Duration oldest = backlog.oldestPending() == null ? Duration.ZERO
        : Duration.between(backlog.oldestPending(), OffsetDateTime.now());
    Health.Builder health = oldest.compareTo(maxAge) > 0 ? Health.down() : Health.up();
    return health
        .withDetail("pending", backlog.pending())
        .withDetail("failed", backlog.failed())
        .withDetail("oldestPendingSeconds", oldest.toSeconds())
        .build();
  }
}
