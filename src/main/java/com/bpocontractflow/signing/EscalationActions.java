package com.bpocontractflow.signing;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.team.Teams;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What an escalation task does when a manager completes it (form {@code escalation}, field
 * {@code escalationChoice}; called by {@link UserTaskListener} after the form's rules passed): remind the
 * merchant again now, extend the wait by N working days, hand the wait's open staff task to another member
 * of its team, or cancel the contract before it is formed. A refusal (an {@link InvalidInputException})
 * keeps the task open and changes nothing.
 */
@Component
public class EscalationActions {

  /** The wait each escalation task is about. */
  static final Map<String, WaitingFor> WAITS = Map.of(
      ESCALATE_PROPOSAL_ANSWER, WaitingFor.PROPOSAL_ANSWER,
      ESCALATE_CLAUSE_FEEDBACK, WaitingFor.CLAUSE_FEEDBACK,
      ESCALATE_E_SIGNATURE, WaitingFor.E_SIGNATURE,
      ESCALATE_COUNTERSIGNED_COPY, WaitingFor.COUNTERSIGNED_COPY,
      ESCALATE_DEPOSIT, WaitingFor.DEPOSIT);

  /** The staff task a wait keeps open (the e-signature wait has none: the signature comes by message). */
  static final Map<WaitingFor, String> STAFF_TASKS = Map.of(
      WaitingFor.PROPOSAL_ANSWER, CONFIRM_PROPOSAL,
      WaitingFor.CLAUSE_FEEDBACK, REVIEW_CLAUSES,
      WaitingFor.COUNTERSIGNED_COPY, RECEIVE_COUNTERSIGNED_CONTRACT,
      WaitingFor.DEPOSIT, CONFIRM_DEPOSIT);

  private static final List<String> CHOICE_FIELDS =
      List.of(ESCALATION_CHOICE, EXTEND_WORKING_DAYS, REASSIGN_TO, CANCELLATION_REASON);

  private final MerchantReminderDelegate reminders;
  private final ContractRepository contracts;

  public EscalationActions(@Lazy MerchantReminderDelegate reminders, ContractRepository contracts) {
    this.reminders = reminders;
    this.contracts = contracts;
  }

  /** Whether a task of this definition key offers the actions (the escalations of {@code contract-signing}). */
  public static boolean offersActions(String taskDefinitionKey) {
    return WAITS.containsKey(taskDefinitionKey) || REVIEW_OVERDUE_SIGNING.equals(taskDefinitionKey)
        || REVIEW_OVERDUE_GO_LIVE.equals(taskDefinitionKey);
  }

  /** Carries out the chosen action of a completed escalation task. */
  public void act(DelegateTask task) {
    if (!offersActions(task.getTaskDefinitionKey())) {
      return;
    }
    Map<String, Object> values = task.getVariables();
    EscalationChoice choice = values.get(ESCALATION_CHOICE) instanceof String s && !s.isBlank()
        ? EscalationChoice.valueOf(s) : EscalationChoice.RECORD;
    // the choice belongs to this task only: a later escalation starts without one (history keeps it)
    CHOICE_FIELDS.forEach(field -> task.getExecution().removeVariable(field));
    switch (choice) {
      case RECORD -> {
      }
      case REMIND -> reminders.remind(task.getExecution(), activeWait(task, choice));
      case EXTEND -> extend(task, activeWait(task, choice),
          InputRules.toWholeNumber(values.get(EXTEND_WORKING_DAYS)).intValue());
      case REASSIGN -> reassign(task, ((String) values.get(REASSIGN_TO)).trim());
      case CANCEL -> cancel(task, ((String) values.get(CANCELLATION_REASON)).trim());
    }
  }

  /** The wait the task escalates; for an overdue signing or go-live, the wait for the merchant open now. */
  static WaitingFor activeWait(DelegateTask task, EscalationChoice choice) {
    ActivityInstance tree = task.getProcessEngineServices().getRuntimeService()
        .getActivityInstance(task.getProcessInstanceId());
    WaitingFor wait = WAITS.get(task.getTaskDefinitionKey());
    if (wait != null && active(tree, wait)) {
      return wait;
    }
    if (wait == null) {
      for (WaitingFor candidate : WaitingFor.values()) {
        if (active(tree, candidate)) {
          return candidate;
        }
      }
    }
    throw new InvalidInputException("「处理方式」：合同 " + task.getVariable(CONTRACT_NUMBER) + " 当前没有在等待商家"
        + (wait == null ? "" : "的" + wait.label()) + "（商家已答复或该步骤已结束），不能「" + choice.label() + "」");
  }

  private static boolean active(ActivityInstance tree, WaitingFor wait) {
    return tree != null && tree.getActivityInstances(wait.hostActivityId()).length > 0;
  }

  /**
   * The wait escalates again {@code days} working days later: its escalation timer, if it has not fired
   * yet, moves by that much; once it has fired (the usual case), it is set again on the waiting activity,
   * due {@code days} working days from now. Working days through the engine's due-date calendar
   * (calendar/WorkingDayTimers: 9:00 Asia/Shanghai of the n-th Chinese working day).
   */
  static void extend(DelegateTask task, WaitingFor wait, int days) {
    ProcessEngineServices engine = task.getProcessEngineServices();
    var calendar = Context.getProcessEngineConfiguration().getBusinessCalendarManager()
        .getBusinessCalendar(DueDateBusinessCalendar.NAME);
    String workingDays = "P" + days + "D";
    Job pending = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId(wait.escalationTimerId()).singleResult();
    if (pending != null) {
      engine.getManagementService().setJobDuedate(pending.getId(),
          calendar.resolveDuedate(workingDays, pending.getDuedate()));
      return;
    }
    Date due = calendar.resolveDuedate(workingDays, ClockUtil.getCurrentTime());
    CommandContext context = Context.getCommandContext();
    ActivityInstance host = engine.getRuntimeService().getActivityInstance(task.getProcessInstanceId())
        .getActivityInstances(wait.hostActivityId())[0];
    ExecutionEntity scope = Arrays.stream(host.getExecutionIds())
        .map(id -> context.getExecutionManager().findExecutionById(id))
        .filter(ExecutionEntity::isScope).findFirst().orElseThrow();
    ActivityImpl hostActivity = scope.getProcessDefinition().findActivity(wait.hostActivityId());
    TimerDeclarationImpl escalation = TimerDeclarationImpl.getDeclarationsForScope(hostActivity)
        .get(wait.escalationTimerId());
    TimerEntity timer = escalation.createTimerInstance(scope);
    timer.setDuedate(due);
  }

  /**
   * The open staff task of the wait goes to {@code user}, who must be of the team it is offered to or a
   * manager (as security/TaskHandOverRule requires of any hand-over, which the engine also applies here).
   */
  static void reassign(DelegateTask task, String user) {
    ProcessEngineServices engine = task.getProcessEngineServices();
    CommandContext context = Context.getCommandContext();
    WaitingFor wait = WAITS.get(task.getTaskDefinitionKey());
    String staffTask = wait == null ? null : STAFF_TASKS.get(wait);
    List<Task> open = context.runWithoutAuthorization(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(task.getProcessInstanceId()).active().list()).stream()
        .filter(other -> !other.getId().equals(task.getId()))
        .filter(other -> wait == null ? !offersActions(other.getTaskDefinitionKey())
            : other.getTaskDefinitionKey().equals(staffTask))
        .toList();
    if (open.isEmpty()) {
      throw new InvalidInputException("「处理方式」：合同 " + task.getVariable(CONTRACT_NUMBER)
          + " 当前没有可转交的员工待办任务" + (wait == WaitingFor.E_SIGNATURE ? "（电子签署由商家在签署平台完成）" : ""));
    }
    boolean exists = context.runWithoutAuthorization(
        () -> engine.getIdentityService().createUserQuery().userId(user).count() > 0);
    if (!exists) {
      throw new InvalidInputException("「转交给（用户名）」：用户 " + user + " 不存在");
    }
    Set<String> userGroups = context.runWithoutAuthorization(() -> engine.getIdentityService().createGroupQuery()
        .groupMember(user).list()).stream().map(Group::getId).collect(Collectors.toSet());
    for (Task other : open) {
      Set<String> team = new HashSet<>(context.runWithoutAuthorization(() -> engine.getTaskService()
          .getIdentityLinksForTask(other.getId())).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList());
      Set<String> allowed = new HashSet<>(team);
      allowed.add(Teams.MANAGERS.groupId());
      if (userGroups.stream().noneMatch(allowed::contains)) {
        throw new InvalidInputException("「转交给（用户名）」：用户 " + user + " 不属于处理「" + other.getName()
            + "」的团队（" + String.join("、", team.stream().sorted().toList()) + "），不能转交给他");
      }
    }
    for (Task other : open) {
      context.runWithoutAuthorization(() -> {
        engine.getTaskService().setAssignee(other.getId(), user);
        return null;
      });
    }
  }

  /**
   * The provider cancels before the contract is formed: the message {@code SigningWithdrawn} with
   * {@code withdrawnBy} PROVIDER, as the integration endpoint sends it (SigningWithdrawal refuses once the
   * contract is formed, Civil Code arts. 475-477, 490).
   */
  void cancel(DelegateTask task, String reason) {
    // the offer rules (SigningOffers: formation, the quote's acceptance period, the merchant's returned seal),
    // checked before the message: once it has interrupted the signing, a refusal could not be undone cleanly
    Contract contract = contracts.ofProcess(task.getVariable(CONTRACT_ID), task.getExecution().getProcessBusinessKey());
    boolean quoteAwaitsAnswer = Context.getCommandContext().runWithoutAuthorization(() ->
        SigningWithdrawals.quoteAwaitsAnswer(task.getProcessEngineServices().getRuntimeService(),
            task.getProcessInstanceId()));
    SigningOffers.refusal(contract, SigningWithdrawal.Party.PROVIDER, task.getVariable(SigningOffers.QUOTE_VALID_UNTIL),
        quoteAwaitsAnswer, Clocks.today()).ifPresent(refusal -> {
          throw new InvalidInputException("「处理方式」：" + refusal);
        });
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
    try {
      SigningWithdrawal.request(new ApplicationActions(task.getProcessEngine()),
          task.getProcessEngineServices().getRuntimeService(), actor, task.getProcessInstanceId(),
          Map.of(WITHDRAWN_BY, SigningWithdrawal.Party.PROVIDER.name(), WITHDRAWAL_REASON, reason));
    } catch (MismatchingMessageCorrelationException formed) {
      throw new InvalidInputException("「处理方式」：合同 " + task.getVariable(CONTRACT_NUMBER) + " 已不能取消");
    }
  }
}
