package com.bpocontractflow.sla;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-level settings ({@code bpo.sla.*}). The contract states the response and resolution times
 * (e.g. first reply within 5 minutes); {@code onTimeTargetPercent} is the share of replies and issues
 * that must meet them for the KPI to count as met.
 */
@ConfigurationProperties("bpo.sla")
public record SlaProperties(BigDecimal onTimeTargetPercent) {

  public SlaProperties {
    if (onTimeTargetPercent == null) {
      onTimeTargetPercent = new BigDecimal("95");
    }
  }
}
