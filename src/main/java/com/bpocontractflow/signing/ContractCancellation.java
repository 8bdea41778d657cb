package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_NUMBER;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWAL_REASON;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractNumbers;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.signing.SigningWithdrawal.Party;
import com.bpocontractflow.term.ContractBinding;
import com.bpocontractflow.validation.InputRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The step of {@code cancel-contract}: checks the start form, then cancels the named contract's signing
 * for the provider ({@link SigningWithdrawals}: {@code SigningWithdrawn} with {@code withdrawnBy} PROVIDER)
 * in the start's own transaction, as the staff member who submitted the form. Any refusal (unknown
 * contract, a contract formed or whose signing has ended, an offer that may not be revoked —
 * {@link SigningOffers}) rolls the start back: no cancellation instance, nothing changed.
 */
@Component("contractCancellation")
public class ContractCancellation {

  /** The start form: the contract, and the reason, with the length the message {@code SigningWithdrawn} allows. */
  public static final InputRules FORM = InputRules.of(
      ContractNumbers.rule(CONTRACT_NUMBER, "合同编号"),
      text(WITHDRAWAL_REASON, "取消原因").length(2, 500));

  private final ContractRepository contracts;
  private final SigningWithdrawals withdrawals;

  public ContractCancellation(ContractRepository contracts, SigningWithdrawals withdrawals) {
    this.contracts = contracts;
    this.withdrawals = withdrawals;
  }

  public void cancel(DelegateExecution execution) {
    FORM.check(execution.getVariables());
    Contract contract = ContractBinding.bind(execution, contracts);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // the staff member has no rights on contract-signing instances: the application takes the step for them,
    // recorded under their name, as it does for a system through /api/integrations/withdrawals
    withdrawals.withdraw(user == null ? "system" : user.getUserId(), contract, Party.PROVIDER,
        (String) execution.getVariable(WITHDRAWAL_REASON));
  }
}
