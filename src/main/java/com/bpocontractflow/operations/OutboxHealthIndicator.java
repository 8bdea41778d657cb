package com.bpocontractflow.operations;

import com.bpocontractflow.mail.MailOutbox;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the mail outbox ({@code /actuator/health}, component {@code mailOutbox}): pending, sending,
 * unknown and failed e-mails and the age of the oldest one waiting or being sent.
 *
 * <p>DOWN when an e-mail has waited longer than {@code bpo.health.outbox-max-age} (delivery is stuck), or
 * when an e-mail's outcome is UNKNOWN: the SMTP server had it in full without confirming it, and nothing
 * happens to it until an operator confirms or resends it on the outbox page. FAILED e-mails are reported
 * (and logged as errors, counted in {@code bpo_mail_failed}) for operators to retry; they do not make it
 * DOWN. The probes (liveness, readiness) do not include this component.
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
    Duration oldest = backlog.oldestWaiting() == null ? Duration.ZERO
        : Duration.between(backlog.oldestWaiting(), OffsetDateTime.now());
    boolean stuck = oldest.compareTo(maxAge) > 0;
    Health.Builder health = stuck || backlog.unknown() > 0 ? Health.down() : Health.up();
    if (stuck) {
      health.withDetail("stuck", "an e-mail has waited longer than " + maxAge);
    }
    if (backlog.unknown() > 0) {
      health.withDetail("needsOperator", backlog.unknown()
          + " e-mail(s) of unknown outcome: confirm or resend on /staff/outbox");
    }
    return health
        .withDetail("pending", backlog.pending())
        .withDetail("sending", backlog.sending())
        .withDetail("unknown", backlog.unknown())
        .withDetail("failed", backlog.failed())
        .withDetail("oldestPendingSeconds", oldest.toSeconds())
        .build();
  }
}
