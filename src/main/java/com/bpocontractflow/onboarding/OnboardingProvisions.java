package com.bpocontractflow.onboarding;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MERCHANT_PROVISIONS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (create) of the onboarding tasks: writes what the merchant has marked as provided on its
 * checklist page, as it stands when the task is created, into the task's read-only field
 * {@code merchantProvisions} (a task variable, so each task shows its own snapshot).
 */
@Component("onboardingProvisions")
public class OnboardingProvisions implements TaskListener {

  private final OnboardingChecklist checklist;

  public OnboardingProvisions(OnboardingChecklist checklist) {
    this.checklist = checklist;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(CONTRACT_ID) instanceof Number contractId) {
      task.setVariableLocal(MERCHANT_PROVISIONS, checklist.summary(contractId.longValue()));
    }
  }
}
