package com.bpocontractflow.sla;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;

import com.bpocontractflow.calendar.ChineseWorkdays;
import com.bpocontractflow.calendar.WorkingDayTimers;
import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.team.Teams;
import com.bpocontractflow.term.ServiceTermProcess;
import com.bpocontractflow.term.TermDates;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The monthly SLA figures of a live contract ({@code SubProcess_SlaPeriods} of {@code contract-term}): each
 * settlement period is a calendar month (the first one from go-live), and its figures are asked at 9:00 on
 * the first working day of the next month (China's working days). The customer-service system submits them
 * through {@code POST /api/integrations/sla-figures} (or staff through the start form 报送本期服务指标);
 * otherwise, after {@code bpo.sla.figures-wait}, onboarding enters them in {@code enter-sla-figures} and the
 * review starts with them. Each period is asked once: the next ask date is computed from the period's own
 * date, never from the clock, so after an outage the overdue periods are asked one by one, each once.
 */
@Component("slaPeriods")
public class SlaPeriods {

  private static final Logger LOG = LoggerFactory.getLogger(SlaPeriods.class);
  /** Tasklist sorts by priority; the engine's default is 50. */
  static final int ESCALATED_PRIORITY = 80;
  /** Set on an sla-review started from enter-sla-figures: its period is being answered already. */
  public static final String ENTERED_IN_TASK = "slaFiguresEnteredInTask";

  /** The figures onboarding enters in enter-sla-figures, as sla-review reads them. */
  static final List<String> FIGURES = List.of(SlaReviewProcess.Vars.FIRST_REPLY_ON_TIME,
      SlaReviewProcess.Vars.AVERAGE_FIRST_REPLY_SECONDS, SlaReviewProcess.Vars.RESOLVED_ON_TIME,
      SlaReviewProcess.Vars.SATISFACTION, SlaReviewProcess.Vars.BAD_REVIEW_RATE, SlaReviewProcess.Vars.COMPLAINTS,
      SlaReviewProcess.Vars.PERIOD_FEES, SlaReviewProcess.Vars.OVERDUE_AMOUNT, SlaReviewProcess.Vars.OVERDUE_DAYS);

  private final ContractRepository contracts;
  private final SlaReviews reviews;
  private final SlaProperties properties;
  private ChineseWorkdays workdays = ChineseWorkdays.shipped();

  public SlaPeriods(ContractRepository contracts, SlaReviews reviews, SlaProperties properties) {
    this.contracts = contracts;
    this.reviews = reviews;
    this.properties = properties;
  }

  /** The working-day calendar of the application (bpo.calendar.dir included); the shipped one without Spring. */
  @Autowired(required = false)
  public void setWorkdays(ChineseWorkdays workdays) {
    this.workdays = workdays;
  }

  /** 9:00 on the first working day of the month: when the previous month's figures are asked. */
  Date askAt(YearMonth month) {
    return TermDates.morningOf(workdays.workingDayFrom(month.atDay(1)));
  }

  /** At go-live: the first period (go-live to the end of its month) is asked in the next month. */
  public void plan(DelegateExecution execution) {
    LocalDate goLive = InputRules.toDate(execution.getVariable(GO_LIVE_DATE));
    execution.setVariable(SLA_FIGURES_ASK_AT, askAt(YearMonth.from(goLive).plusMonths(1)));
    execution.setVariable(SLA_FIGURES_WAIT, WorkingDayTimers.iso(properties.figuresWait()));
    execution.setVariable(FREE_EXTENSION_DAYS_TOTAL, 0);
  }

  /**
   * The ask date came: the period is the month before it (from go-live in the first month); when a review
   * already covers it, nothing is asked. Then the next month's ask date, from this one.
   */
  public void ask(DelegateExecution execution) {
    LocalDate askDay = ((Date) execution.getVariable(SLA_FIGURES_ASK_AT)).toInstant().atZone(Clocks.ZONE).toLocalDate();
    YearMonth month = YearMonth.from(askDay).minusMonths(1);
    LocalDate goLive = InputRules.toDate(execution.getVariable(GO_LIVE_DATE));
    LocalDate start = month.atDay(1).isBefore(goLive) ? goLive : month.atDay(1);
    LocalDate end = month.atEndOfMonth();
    long contractId = contractId(execution);
    boolean reported = reviews.covers(contractId, start, end);
    execution.setVariable(SLA_PERIOD_START, start.toString());
    execution.setVariable(SLA_PERIOD_END, end.toString());
    execution.setVariable(SLA_FIGURES_REPORTED, reported);
    execution.setVariable(SLA_FIGURES_ASK_AT, askAt(YearMonth.from(askDay).plusMonths(1)));
    LOG.info("SLA figures of {} for {} to {}: {}", execution.getProcessBusinessKey(), start, end,
        reported ? "already submitted" : "asked");
  }

  /**
   * Onboarding entered the period's figures: the review starts with them (its own rules check them again),
   * and the figures leave contract-term, so that the next month's task starts empty.
   */
  public void review(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    for (String key : FIGURES) {
      Object value = execution.getVariable(key);
      if (value != null) {
        variables.put(key, value);
      }
    }
    variables.put(ContractSigningProcess.Vars.CONTRACT_NUMBER, execution.getProcessBusinessKey());
    variables.put(SlaReviewProcess.Vars.PERIOD_START, execution.getVariable(SLA_PERIOD_START));
    variables.put(SlaReviewProcess.Vars.PERIOD_END, execution.getVariable(SLA_PERIOD_END));
    variables.put(ENTERED_IN_TASK, true);
    execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(SlaReviewProcess.KEY)
        .businessKey(execution.getProcessBusinessKey()).setVariables(variables).execute();
    for (String key : FIGURES) {
      execution.removeVariable(key);
    }
  }

  /** The entry's due date passed: the task is offered to managers too, with a higher priority and a comment. */
  public void escalate(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Object period = execution.getVariable(SLA_PERIOD_START);
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ServiceTermProcess.Tasks.ENTER_SLA_FIGURES).list()) {
      if (Objects.equals(period, tasks.getVariable(task.getId(), SLA_PERIOD_START))) {
        tasks.addCandidateGroup(task.getId(), Teams.MANAGERS.groupId());
        tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        tasks.createComment(task.getId(), execution.getProcessInstanceId(),
            "录入期限已到，本期服务指标仍未录入，已升级给经理");
      }
    }
  }

  /**
   * A review of the contract for {@code start}..{@code end} started (customer-service system, staff's start
   * form): every period of its contract-term that waits for figures and that the review covers is
   * satisfied (message {@code SlaFiguresSubmitted} to that waiting period only).
   */
  static void submitted(RuntimeService runtime, String contractNumber, LocalDate start, LocalDate end) {
    ProcessInstance term = runtime.createProcessInstanceQuery().processDefinitionKey(ServiceTermProcess.KEY)
        .processInstanceBusinessKey(contractNumber).active().singleResult();
    if (term == null) {
      return;
    }
    for (EventSubscription waiting : runtime.createEventSubscriptionQuery().processInstanceId(term.getId())
        .eventType("message").eventName(ServiceTermProcess.Messages.SLA_FIGURES_SUBMITTED).list()) {
      LocalDate askedStart = InputRules.toDate(runtime.getVariableLocal(waiting.getExecutionId(), SLA_PERIOD_START));
      LocalDate askedEnd = InputRules.toDate(runtime.getVariableLocal(waiting.getExecutionId(), SLA_PERIOD_END));
      if (askedStart != null && askedEnd != null && !start.isAfter(askedStart) && !end.isBefore(askedEnd)) {
        runtime.messageEventReceived(ServiceTermProcess.Messages.SLA_FIGURES_SUBMITTED, waiting.getExecutionId());
      }
    }
  }

  private long contractId(DelegateExecution execution) {
    return contracts.ofProcess(execution.getVariable(ContractSigningProcess.Vars.CONTRACT_ID),
        execution.getProcessBusinessKey()).id();
  }
}
