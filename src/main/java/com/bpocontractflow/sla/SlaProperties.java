package com.bpocontractflow.sla;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-level settings ({@code bpo.sla.*}). The contract states the response and resolution times
 * (e.g. first reply within 5 minutes) and the share of replies and issues that must meet them
 * ({@code slaOnTimeTargetPercent}); {@code onTimeTargetPercent} is only that share for contracts recorded
 * before the clause field existed, whose text did not state one. {@code figuresWait} is how long the
 * customer-service system has to submit a month's figures before onboarding is asked to enter them (whole
 * days are working days, {@code P3D} by default).
 */
@ConfigurationProperties("bpo.sla")
public record SlaProperties(BigDecimal onTimeTargetPercent, Duration figuresWait) {

  public SlaProperties {
    if (onTimeTargetPercent == null) {
      onTimeTargetPercent = new BigDecimal("95");
    }
    if (figuresWait == null) {
      figuresWait = Duration.ofDays(3);
    }
    if (figuresWait.isNegative() || figuresWait.isZero()) {
      throw new IllegalArgumentException("bpo.sla.figures-wait must be positive: " + figuresWait);
    }
  }
}
