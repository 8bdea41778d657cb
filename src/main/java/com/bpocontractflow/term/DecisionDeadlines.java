package com.bpocontractflow.term;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the service term's decisions are escalated to managers, counted back from their due date: the trial
 * review is due when the trial ends (then the contract continues, as it says), the renewal decision on the
 * term's last day (then the contract expires at the term's end). {@code bpo.term.*}.
 */
@ConfigurationProperties("bpo.term")
public record DecisionDeadlines(
    @DefaultValue("PT9H") Duration trialEscalationBeforeDue,
    @DefaultValue("P3D") Duration renewalEscalationBeforeDue) {

  /** The defaults, for code that runs without the application's configuration (engine tests). */
  public static final DecisionDeadlines DEFAULT = new DecisionDeadlines(Duration.ofHours(9), Duration.ofDays(3));
}
