package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_CONTRACT;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.REVISE_CLAUSES;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.term.ServiceInputRules;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.validation.VaguePhrases;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Listens to every user task (attached by {@link UserTaskListenerPlugin}):
 * on create it writes the contract number and merchant into the task's description and as task variables,
 * so that they show in Tasklist's task cards for the team the task is offered to; on complete it validates the submitted values on the server (a refusal keeps the task
 * open and changes nothing) and records the step on the contract.
 */
@Component("userTaskListener")
public class UserTaskListener implements TaskListener {

  /** Clause values the process keeps after a draft or revision (set on the execution, never removed first). */
  private static final Set<String> KEPT_ON_PROCESS = Set.of(DEPOSIT_AMOUNT, SERVICE_SCOPE);

  /** {@code CompleteTaskCmd} keeps its variables in a protected field (Camunda 7.24 is pinned by the BOM). */
  private static final Field COMPLETION_VARIABLES;

  static {
    try {
      COMPLETION_VARIABLES = CompleteTaskCmd.class.getDeclaredField("variables");
      COMPLETION_VARIABLES.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda CompleteTaskCmd has no field variables", e);
    }
  }

  private final SigningRecorder recorder;
  private final VaguePhrases vaguePhrases;
  private final LatePaymentCap latePaymentCap;
  private CourtVenues courtVenues;
  private EscalationActions escalationActions;

  public UserTaskListener(SigningRecorder recorder, VaguePhrases vaguePhrases, LatePaymentCap latePaymentCap) {
    this.recorder = recorder;
    this.vaguePhrases = vaguePhrases;
    this.latePaymentCap = latePaymentCap;
  }

  /** The courts a litigation clause may name (engine tests of other steps run without). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  public void setCourtVenues(CourtVenues courtVenues) {
    this.courtVenues = courtVenues;
  }

  /** The actions of escalation tasks (engine tests of other steps run without). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  public void setEscalationActions(@org.springframework.context.annotation.Lazy EscalationActions escalationActions) {
    this.escalationActions = escalationActions;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> describe(task);
      case EVENTNAME_COMPLETE -> complete(task);
      default -> {
      }
    }
  }

  private void describe(DelegateTask task) {
    if (DRAFT_PROPOSAL.equals(task.getTaskDefinitionKey())) {
      // the proposal's service-level promises start from the standard template
      for (String key : List.of(FIRST_RESPONSE_MINUTES, SATISFACTION_TARGET)) {
        if (task.getVariable(key) == null) {
          task.setVariable(key, ClauseRules.standardTemplate().get(key));
        }
      }
    }
    if (DRAFT_CONTRACT.equals(task.getTaskDefinitionKey()) || REVISE_CLAUSES.equals(task.getTaskDefinitionKey())) {
      prefillClauses(task);
      // read first, above the decisions: what the prefilled clauses change against the standard template
      task.setVariableLocal(CLAUSE_DEVIATION_SUMMARY, ClauseDeviations.summary(task.getVariables()));
      if (courtVenues != null) {
        // shown read-only beside the venue: the places a court may be chosen at, from the parties' addresses
        task.setVariableLocal(FORUM_VENUE_CHOICES, courtVenues.choices(task.getVariables()));
      }
    }
    Object number = task.getVariable(CONTRACT_NUMBER);
    Object merchant = task.getVariable(MERCHANT_NAME);
    if (number != null) {
      task.setDescription("合同编号 " + number + (merchant != null ? " · 商家：" + merchant : ""));
      // the task cards of Tasklist's filters show these two: as the task's own variables a team reads them
      // with its READ on the task, without any right on the process instance (docs/access.md)
      task.setVariableLocal(CONTRACT_NUMBER, number);
      if (merchant != null) {
        task.setVariableLocal(MERCHANT_NAME, merchant);
      }
    }
  }

  /**
   * The clause fields are variables of the open draft or revision only (Camunda Forms bind fields to
   * variables): task-local, so they never become process variables. A revision starts from the latest
   * recorded version, a first draft from the proposal and the standard template. Every clause gets its local
   * variable, empty ones too: a submission (Tasklist, {@code submit-form}) then writes into the task's own
   * variables (an existing local variable is set where it is), and they end with the task. On completion the
   * clauses are recorded as a clause set version; the process keeps references and routing values.
   */
  private void prefillClauses(DelegateTask task) {
    Map<String, Object> latest = REVISE_CLAUSES.equals(task.getTaskDefinitionKey())
        && task.getVariable(CONTRACT_ID) instanceof Number contractId
        ? recorder.latestClauses(contractId.longValue()) : Map.of();
    Map<String, Object> template = ClauseRules.standardTemplate();
    for (InputRules.Rule rule : ClauseRules.RULES) {
      String key = rule.key();
      Object value = latest.containsKey(key) ? latest.get(key)
          : task.getVariable(key) != null ? task.getVariable(key) : template.get(key);
      task.setVariableLocal(key, value);
    }
  }

  private void complete(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    keepCompletionValuesLocal(task);
    Map<String, Object> values = task.getVariables();
    InputRules rules = SigningInputRules.hasRules(key) ? SigningInputRules.forStep(key) : ServiceInputRules.forStep(key);
    List<String> problems = new ArrayList<>(rules.problems(values));
    problems.addAll(vaguePhrases.problems(SigningInputRules.specificTexts(key, values)));
    problems.addAll(latePaymentCap.problems(key, values));
    if (courtVenues != null) {
      problems.addAll(courtVenues.problems(key, values));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (DRAFT_PROPOSAL.equals(key)) {
      task.setVariable(PROPOSAL_ROUND, intVariable(task, PROPOSAL_ROUND) + 1);
    }
    Object deposit = task.getVariable(DEPOSIT_AMOUNT);
    Object serviceScope = task.getVariable(SERVICE_SCOPE);
    if (task.getVariable(CONTRACT_ID) != null) {
      long contractId = recorder.contractId(task.getVariable(CONTRACT_ID), task.getExecution().getProcessBusinessKey());
      recorder.taskCompleted(key, contractId, task, completedBy(task));
    }
    if (DRAFT_CONTRACT.equals(key) || REVISE_CLAUSES.equals(key)) {
      // the clauses are recorded (contract_clause_set): the process keeps what routes it (is a deposit
      // awaited?) and what later forms show (confirm-deposit, conduct-training). The clauses themselves are
      // task-local; removed here is only what the proposal left on the process, what a completion through the
      // Java or REST "complete" call wrote there, and the clauses of a task opened before they were task-local.
      ClauseRules.RULES.stream().map(InputRules.Rule::key).filter(name -> !KEPT_ON_PROCESS.contains(name))
          .forEach(name -> task.getExecution().removeVariable(name));
      task.getExecution().removeVariable(FORUM_VENUE_CHOICES);
      task.getExecution().removeVariable(CLAUSE_DEVIATION_SUMMARY);
      task.getExecution().setVariable(DEPOSIT_REQUIRED, InputRules.toDecimal(deposit).signum() > 0);
      task.getExecution().setVariable(DEPOSIT_AMOUNT, deposit);
      task.getExecution().setVariable(DEPOSIT_KIND_LABEL, DepositKind.labelOf(Optional.of(values)));
      task.getExecution().setVariable(SERVICE_SCOPE, serviceScope);
      // level jurisdiction is counsel's call: a warning for legal in review-clauses and revise-clauses, not a refusal
      task.getExecution().setVariable(FORUM_VENUE_WARNING,
          CourtVenues.levelWarning(values.get(DISPUTE_FORUM), values.get(FORUM_VENUE)));
    }
    if (escalationActions != null) {
      escalationActions.act(task);
    }
  }

  /**
   * A completion through {@code TaskService.complete(id, variables)} (REST {@code POST /task/{id}/complete})
   * writes its variables to the task's execution (Camunda's {@code TaskEntity.setExecutionVariables}), where the
   * task's own variable of the same name would hide them; {@code submit-form} and Tasklist write into the
   * task-local variables. So the submitted value of each of the task's own variables is set on the task here
   * too, and validation and the record read what was submitted whichever way it came.
   */
  private static void keepCompletionValuesLocal(DelegateTask task) {
    var invocation = Context.getCommandInvocationContext();
    if (invocation == null || !(invocation.getCommand() instanceof CompleteTaskCmd command)) {
      return;
    }
    Map<String, Object> submitted = submittedVariables(command);
    if (submitted != null) {
      submitted.forEach((name, value) -> {
        if (task.hasVariableLocal(name)) {
          task.setVariableLocal(name, value);
        }
      });
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> submittedVariables(CompleteTaskCmd command) {
    try {
      return (Map<String, Object>) COMPLETION_VARIABLES.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Camunda CompleteTaskCmd.variables is not readable", e);
    }
  }

  private static String completedBy(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  private static int intVariable(DelegateTask task, String name) {
    Long value = InputRules.toWholeNumber(task.getVariable(name));
    return value == null ? 0 : value.intValue();
  }
}
