package com.bpocontractflow.term;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_NUMBER;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MERCHANT_NAME;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A process started for an existing contract (sla-review, dispute-resolution): the contract number its
 * start names must exist; the instance then carries it as business key, with the contract id and merchant
 * for Tasklist.
 */
public final class ContractBinding {

  private ContractBinding() {
  }

  /** Binds the starting instance to the contract its {@code contractNumber} names, or refuses the start. */
  public static Contract bind(DelegateExecution execution, ContractRepository contracts) {
    String number = ((String) execution.getVariable(CONTRACT_NUMBER)).trim();
    Contract contract = contracts.findByNumber(number).orElseThrow(() ->
        new InvalidInputException(List.of("合同编号 " + number + " 不存在")));
    execution.setProcessBusinessKey(number);
    execution.setVariable(CONTRACT_ID, contract.id());
    execution.setVariable(CONTRACT_NUMBER, number);
    execution.setVariable(MERCHANT_NAME, contract.merchantName());
    return contract;
  }
}
