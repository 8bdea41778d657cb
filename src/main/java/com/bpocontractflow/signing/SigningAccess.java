package com.bpocontractflow.signing;

import static com.bpocontractflow.team.Teams.FINANCE;
import static com.bpocontractflow.team.Teams.LEGAL;
import static com.bpocontractflow.team.Teams.MANAGERS;
import static com.bpocontractflow.team.Teams.ONBOARDING;
import static com.bpocontractflow.team.Teams.SALES;

import com.bpocontractflow.security.ProcessAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who reaches the signing processes through the engine (docs/access.md). */
@Configuration(proxyBeanMethods = false)
class SigningAccess {

  /**
   * Sales and managers start a contract; the other teams read the model their tasks belong to. The
   * payment, e-signature and merchant messages reach exactly one contract.
   */
  @Bean
  ProcessAccess contractSigningAccess() {
    return new ProcessAccess(ContractSigningProcess.KEY, Set.of(SALES, MANAGERS), Set.of(LEGAL, FINANCE, ONBOARDING),
        Set.of(ContractSigningProcess.Messages.DEPOSIT_RECEIVED, ContractSigningProcess.Messages.MERCHANT_SIGNED,
            ContractSigningProcess.Messages.SIGNING_WITHDRAWN));
  }

  /** Sales and managers cancel a contract before formation; legal, finance and onboarding only read it. */
  @Bean
  ProcessAccess contractCancellationAccess() {
    return new ProcessAccess(ContractCancellationProcess.KEY, Set.of(SALES, MANAGERS),
        Set.of(LEGAL, FINANCE, ONBOARDING));
  }
}
