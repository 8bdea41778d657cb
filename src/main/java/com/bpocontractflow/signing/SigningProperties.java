package com.bpocontractflow.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code bpo.signing.*}: reminders on every wait for the merchant, the escalation delay, the target
 * duration of the signing (request to formation; go-live has its own, {@link OnboardingTargetProperties}),
 * and the deposit's due date: {@code depositDueDays} calendar days after
 * the day the deposit is requested (the day of the request not counted, Civil Code art. 201).
 * The built-in e-signature's one-time code ({@code otp-*}): how long a code is valid, how many wrong codes
 * void it, how long before another code may be requested and how many codes one signing link may request;
 * and the largest power of attorney (授权委托书) a signer may upload.
 */
@ConfigurationProperties("bpo.signing")
public record SigningProperties(
    @DefaultValue("P2D") Duration reminderInterval,
    @DefaultValue("3") int reminderMaxCount,
    @DefaultValue("P7D") Duration escalateAfter,
    @DefaultValue("P10D") Duration target,
    @DefaultValue("7") int depositDueDays,
    @DefaultValue("PT10M") Duration otpValidity,
    @DefaultValue("5") int otpMaxAttempts,
    @DefaultValue("PT1M") Duration otpResendAfter,
    @DefaultValue("5") int otpMaxSends,
    @DefaultValue("5MB") DataSize authorityDocumentMaxSize) {

  @ConstructorBinding
  public SigningProperties {
    requirePositive(otpValidity, "bpo.signing.otp-validity");
    requirePositive(otpResendAfter, "bpo.signing.otp-resend-after");
    if (otpMaxAttempts < 1 || otpMaxAttempts > 10) {
      throw new IllegalArgumentException("bpo.signing.otp-max-attempts must be 1 to 10");
    }
    if (otpMaxSends < 1) {
      throw new IllegalArgumentException("bpo.signing.otp-max-sends must be 1 or more");
    }
    if (authorityDocumentMaxSize == null || authorityDocumentMaxSize.toBytes() < 1
        || authorityDocumentMaxSize.toMegabytes() > 10) {
      throw new IllegalArgumentException("bpo.signing.authority-document-max-size must be above 0 and at most 10MB"
          + " (the largest upload the server accepts)");
    }
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

  /** The timers and deposit days, with the defaults of the one-time code and the power of attorney. */
  public SigningProperties(Duration reminderInterval, int reminderMaxCount, Duration escalateAfter, Duration target,
      int depositDueDays) {
    this(reminderInterval, reminderMaxCount, escalateAfter, target, depositDueDays, Duration.ofMinutes(10), 5,
        Duration.ofMinutes(1), 5, DataSize.ofMegabytes(5));
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, e.g. P2D");
    }
  }
}
