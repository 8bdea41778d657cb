package com.bpocontractflow.dispute;

import static com.bpocontractflow.team.Teams.FINANCE;
import static com.bpocontractflow.team.Teams.LEGAL;
import static com.bpocontractflow.team.Teams.MANAGERS;
import static com.bpocontractflow.team.Teams.ONBOARDING;
import static com.bpocontractflow.team.Teams.SALES;

import com.bpocontractflow.security.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches the dispute resolution through the engine (docs/access.md). */
@Configuration(proxyBeanMethods = false)
class DisputeAccess {

  /** Sales, legal and managers open a dispute; finance and onboarding read it. */
  @Bean
  ProcessAccess disputeResolutionAccess() {
    return new ProcessAccess(DisputeResolutionProcess.KEY, Set.of(SALES, LEGAL, MANAGERS), Set.of(FINANCE, ONBOARDING));
  }
}
