package com.bpocontractflow.sla;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-level settings ({@code bpo.sla.*}). The contract states the response and resolution times
 * (e.g. first reply within 5 minutes) and the share of replies and issues that must meet them
 * ({@code slaOnTimeTargetPercent}); {@code onTimeTargetPercent} is only that share for contracts recorded
 * before the clause field existed, whose text did not state one.
 */
@ConfigurationProperties("bpo.sla")
public record SlaProperties(BigDecimal onTimeTargetPercent) {

  public SlaProperties {
    if (onTimeTargetPercent == null) {
      onTimeTargetPercent = new BigDecimal("95");
    }
  }
}
