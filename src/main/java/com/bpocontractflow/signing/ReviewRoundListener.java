package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.ANSWERED_BY;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CLAUSES_AGREED;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CLAUSE_FEEDBACK;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.REVIEW_ROUND;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.ROUND_CHANGES;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Starts a new clause-review round each time the contract goes to the merchant for review. The round's
 * {@code review-clauses} starts empty: the previous round's answer (agreed or not, the feedback, who answered)
 * is already recorded in {@code review_round} and would otherwise prefill the form, so that recording "agreed"
 * could leave the old comments in place. What changed since the previous round ({@code roundChanges}) is shown.
 */
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
    // emptied, not removed: each stays one variable in the history, with its value per round
    for (String answer : List.of(CLAUSES_AGREED, CLAUSE_FEEDBACK, ANSWERED_BY)) {
      if (execution.hasVariable(answer)) {
        execution.setVariable(answer, null);
      }
    }
    // what changed since the previous round, shown in the review and revision forms
    execution.setVariable(ROUND_CHANGES,
        recorder.reviewRoundStarted(recorder.contractId(execution.getVariable(CONTRACT_ID),
            execution.getProcessBusinessKey()), round));
  }
}
