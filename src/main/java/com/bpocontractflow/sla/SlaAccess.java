package com.bpocontractflow.sla;

import static com.bpocontractflow.team.Teams.FINANCE;
import static com.bpocontractflow.team.Teams.LEGAL;
import static com.bpocontractflow.team.Teams.MANAGERS;
import static com.bpocontractflow.team.Teams.ONBOARDING;
import static com.bpocontractflow.team.Teams.SALES;

import com.bpocontractflow.security.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches the SLA review through the engine (docs/access.md). */
@Configuration(proxyBeanMethods = false)
class SlaAccess {

  /** Managers start an SLA review by hand (periods start their own); the teams read it. */
  @Bean
  ProcessAccess slaReviewAccess() {
    return new ProcessAccess(SlaReviewProcess.KEY, Set.of(MANAGERS), Set.of(SALES, LEGAL, FINANCE, ONBOARDING));
  }
}
