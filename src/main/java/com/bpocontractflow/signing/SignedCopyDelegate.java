package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;

import com.bpocontractflow.contract.ContractRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_MakeSignedCopy}: once both parties have signed, makes the final signed copy and mails the
 * merchant its link ({@link SignedCopyDelivery#bothSigned}). The task is an asynchronous continuation, so this
 * runs in a job after the completion that recorded the second signature, not in that staff member's request;
 * a failed rendering fails the job (retries, then an incident), and a copy made before is not made again.
 */
@Component("signedCopy")
public class SignedCopyDelegate implements JavaDelegate {

  private final ContractRepository contracts;
  private final SignedCopyDelivery delivery;

  public SignedCopyDelegate(ContractRepository contracts, SignedCopyDelivery delivery) {
    this.contracts = contracts;
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long contractId = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey()).id();
    delivery.bothSigned(contractId, execution.getProcessInstanceId());
  }
}
