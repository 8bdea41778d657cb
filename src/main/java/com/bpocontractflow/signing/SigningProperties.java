package com.bpocontractflow.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.signing.*}: reminders on every wait for the merchant, the escalation delay, the target
 * duration of the whole signing, and the deposit's due date: {@code depositDueDays} calendar days after
 * the day the deposit is requested (the day of the request not counted, Civil Code art. 201).
 */
@ConfigurationProperties("bpo.signing")
public record SigningProperties(
    @DefaultValue("P2D") Duration reminderInterval,
    @DefaultValue("3") int reminderMaxCount,
    @DefaultValue("P7D") Duration escalateAfter,
    @DefaultValue("P10D") Duration target,
    @DefaultValue("7") int depositDueDays) {

  public SigningProperties {
    requirePositive(reminderInterval, "bpo.signing.reminder-interval");
    requirePositive(escalateAfter, "bpo.signing.escalate-after");
    requirePositive(target, "bpo.signing.target");
    if (depositDueDays < 1 || depositDueDays > 90) {
      throw new IllegalArgumentException("bpo.signing.deposit-due-days must be 1 to 90 days");
    }
    if (reminderMaxCount < 1) {
      throw new IllegalArgumentException("bpo.signing.reminder-max-count must be 1 or more");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, e.g. P2D");
    }
  }
}
