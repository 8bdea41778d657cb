package com.bpocontractflow.onboarding;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.ACCESS_REVOKED_ON;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.GRANTED_ACCESS;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.LAST_SERVICE_DAY;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.REVOKED_ACCESS;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.team.Teams;
import com.bpocontractflow.term.ServiceInputRules;
import com.bpocontractflow.term.ServiceTermProcess.Tasks;
import com.bpocontractflow.term.TermRecords;
import com.bpocontractflow.validation.InputRules;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The end of the access the merchant granted for the service (contract-term, {@code revoke-merchant-access};
 * PIPL art. 47: the entrusted processing has ended). The task shows what the merchant registered on its
 * onboarding checklist; its completion records what was revoked and when; past its due date it goes to the
 * managers as well.
 */
@Component("merchantAccess")
public class MerchantAccess {

  static final int ESCALATED_PRIORITY = 80;

  private final OnboardingChecklist checklist;
  private final MerchantAccessRevocations revocations;
  private final TermRecords terms;

  public MerchantAccess(OnboardingChecklist checklist, MerchantAccessRevocations revocations, TermRecords terms) {
    this.checklist = checklist;
    this.revocations = revocations;
    this.terms = terms;
  }

  /** Task listener (create): what the merchant granted, and the last day of service the date is checked against. */
  public void prepare(DelegateTask task) {
    long id = contractId(task.getVariable(CONTRACT_ID));
    task.setVariableLocal(GRANTED_ACCESS, checklist.grantedAccess(id));
    task.setVariableLocal(LAST_SERVICE_DAY, terms.get(id).lastServiceDay().toString());
  }

  /**
   * Task listener (complete): records what was revoked and when, once the input holds (the same rules the
   * user-task listener checks; this listener runs before it).
   */
  public void revoked(DelegateTask task) {
    ServiceInputRules.forStep(Tasks.REVOKE_MERCHANT_ACCESS).check(task.getVariables());
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    revocations.record(contractId(task.getVariable(CONTRACT_ID)), ((String) task.getVariable(REVOKED_ACCESS)).trim(),
        InputRules.toDate(task.getVariable(ACCESS_REVOKED_ON)), user == null ? task.getAssignee() : user.getUserId(),
        OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), Clocks.ZONE));
  }

  /** Past the due date: the managers see the task too, on top of their list, with a comment saying why. */
  public void escalate(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(Tasks.REVOKE_MERCHANT_ACCESS).list()) {
      tasks.addCandidateGroup(task.getId(), Teams.MANAGERS.groupId());
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
      tasks.createComment(task.getId(), execution.getProcessInstanceId(),
          "回收期限已到，商家授权的账号和权限仍未登记回收，已升级给经理（《个人信息保护法》第四十七条）");
    }
  }

  private static long contractId(Object value) {
    return ((Number) value).longValue();
  }
}
