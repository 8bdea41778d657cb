package com.bpocontractflow.term;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finance has to confirm that the refund a final statement owes the merchant was paid, from the
 * statement: whole days ({@code P5D}) are Chinese working days, due at 9:00 (calendar/WorkingDayTimers);
 * then the task goes to managers. {@code bpo.refund.*}.
 */
@ConfigurationProperties("bpo.refund")
public record RefundProperties(@DefaultValue("P5D") Duration confirmWithin) {

  /** The default, for code that runs without the application's configuration (engine tests). */
  public static final RefundProperties DEFAULT = new RefundProperties(Duration.ofDays(5));

  public RefundProperties {
    if (confirmWithin == null || confirmWithin.isNegative() || confirmWithin.isZero()) {
      throw new IllegalArgumentException("bpo.refund.confirm-within must be a positive duration, e.g. P5D");
    }
  }
}
