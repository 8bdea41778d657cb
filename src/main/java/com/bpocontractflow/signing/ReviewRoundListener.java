package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.REVIEW_ROUND;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.ROUND_CHANGES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Starts a new clause-review round each time the contract goes to the merchant for review. */
@Component("reviewRoundStarted")
public class ReviewRoundListener implements ExecutionListener {

  private final SigningRecorder recorder;

  public ReviewRoundListener(SigningRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int round = ((Number) execution.getVariable(REVIEW_ROUND)).intValue() + 1;
    execution.setVariable(REVIEW_ROUND, round);
    // what changed since the previous round, shown in the review and revision forms
    execution.setVariable(ROUND_CHANGES,
        recorder.reviewRoundStarted(recorder.contractId(execution.getVariable(CONTRACT_ID),
            execution.getProcessBusinessKey()), round));
  }
}
