package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WAITING_FOR;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.AnswerLinks;
import com.bpocontractflow.merchant.MerchantStep;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Reminds the merchant of what we wait for. The reminder says which reminder it is (counted from the
 * engine's history of this wait) and the deadline (the due date of the wait's escalation timer).
 */
@Component("merchantReminder")
public class MerchantReminderDelegate implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ContractRepository contracts;
  private final MerchantMailer mailer;
  private final SigningSchedule schedule;
  private final AnswerLinks answerLinks;

  public MerchantReminderDelegate(ContractRepository contracts, MerchantMailer mailer, SigningSchedule schedule,
      AnswerLinks answerLinks) {
    this.contracts = contracts;
    this.mailer = mailer;
    this.schedule = schedule;
    this.answerLinks = answerLinks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    remind(execution, WaitingFor.valueOf((String) execution.getVariable(WAITING_FOR)));
  }

  /** Sends the reminder of {@code waitingFor} now (also when a manager asks for it in an escalation). */
  public void remind(DelegateExecution execution, WaitingFor waitingFor) {
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    ProcessEngineServices engine = execution.getProcessEngineServices();
    String processInstanceId = execution.getProcessInstanceId();

    int reminderNumber = previousReminders(engine, processInstanceId, waitingFor, execution.getActivityInstanceId()) + 1;
    Job escalation = engine.getManagementService().createJobQuery()
        .processInstanceId(processInstanceId).activityId(waitingFor.escalationTimerId()).singleResult();
    String deadline = escalation == null ? null
        : DAY.format(escalation.getDuedate().toInstant().atZone(Clocks.ZONE));

    // a payment is named by the kind the contract chose (定金 or 履约保证金), never by the generic label
    String waitingForLabel = waitingFor == WaitingFor.DEPOSIT ? mailer.depositLabel(contract) + "付款" : waitingFor.label();
    Map<String, Object> model = new HashMap<>(Map.of(
        "waitingFor", waitingFor.name(),
        "waitingForLabel", waitingForLabel,
        "reminderNumber", reminderNumber,
        "reminderMax", schedule.properties().reminderMaxCount(),
        "deadline", deadline == null ? "已逾期" : deadline));
    if (waitingFor == WaitingFor.DEPOSIT) { // the payment details of the request, with its due date
      model.putAll(DepositDue.asFixed(execution));
    }
    MerchantStep.forWait(waitingFor).ifPresent(step -> model.putAll(answerLinks.model(contract.id(),
        processInstanceId, step, ((Number) execution.getVariable(step.roundVariable())).intValue(),
        MerchantMailDelegate.linkExpiry(step, execution))));
    mailer.send(MerchantMail.REMINDER, contract, model, reminderNumber, waitingForLabel);
  }

  /** Reminders already sent during the current wait (a loop back starts a new wait and a new count). */
  private static int previousReminders(ProcessEngineServices engine, String processInstanceId,
      WaitingFor waitingFor, String currentActivityInstanceId) {
    Date waitStarted = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(waitingFor.hostActivityId()).unfinished().list()
        .stream().map(HistoricActivityInstance::getStartTime).max(Comparator.naturalOrder()).orElse(new Date(0));
    return (int) engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(waitingFor.reminderTaskId())
        .startedAfter(new Date(waitStarted.getTime() - 1)).list().stream()
        .filter(reminder -> !reminder.getId().equals(currentActivityInstanceId))
        .count();
  }
}
