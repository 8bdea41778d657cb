package com.bpocontractflow.term;

import static com.bpocontractflow.team.Teams.FINANCE;
import static com.bpocontractflow.team.Teams.LEGAL;
import static com.bpocontractflow.team.Teams.MANAGERS;
import static com.bpocontractflow.team.Teams.ONBOARDING;
import static com.bpocontractflow.team.Teams.SALES;

import com.bpocontractflow.security.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches the service-term processes through the engine (docs/access.md). */
@Configuration(proxyBeanMethods = false)
class TermAccess {

  /**
   * The service term starts with the contract's formation, never by hand; every team reads it. A termination
   * notice from outside reaches exactly one contract.
   */
  @Bean
  ProcessAccess serviceTermAccess() {
    return new ProcessAccess(ServiceTermProcess.KEY, Set.of(), Set.of(SALES, LEGAL, FINANCE, ONBOARDING, MANAGERS),
        Set.of(ServiceTermProcess.Messages.TERMINATION_NOTICE_RECEIVED));
  }

  /** Legal and managers register a termination notice; sales reads it without starting it (REST answers 403). */
  @Bean
  ProcessAccess noticeRegistrationAccess() {
    return new ProcessAccess(NoticeRegistrationProcess.KEY, Set.of(LEGAL, MANAGERS), Set.of(SALES, FINANCE, ONBOARDING));
  }
}
