package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.AnswerLinks;
import com.bpocontractflow.merchant.MerchantStep;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.springframework.stereotype.Component;

/**
 * Reminds the merchant of what we wait for. The reminder says which reminder it is (counted from the
 * engine's history of this wait) and the deadline (the due date of the wait's escalation timer), both read
 * in one statement ({@link WaitState}).
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
    // the wait is known from the reminder task's id (every version of the model names them alike); it is no
    // longer passed as an input parameter, a variable written to the history on every reminder
    remind(execution, WaitingFor.ofReminderTask(execution.getCurrentActivityId()).orElseThrow(() ->
        new IllegalStateException(execution.getCurrentActivityId() + " is not the reminder task of a wait")));
  }

  /** Sends the reminder of {@code waitingFor} now (also when a manager asks for it in an escalation). */
  public void remind(DelegateExecution execution, WaitingFor waitingFor) {
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    String processInstanceId = execution.getProcessInstanceId();

    WaitState state = WaitState.of(processInstanceId, waitingFor, execution.getActivityInstanceId());
    int reminderNumber = state.previousReminders() + 1;
    String deadline = state.escalationDue() == null ? null
        : DAY.format(state.escalationDue().toInstant().atZone(Clocks.ZONE));

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

  /**
   * What a reminder needs to know of its wait, read in one statement on the engine's connection (inside the
   * engine's transaction): the reminders already sent during the current wait (a loop back starts a new wait
   * and a new count) and the due date of the wait's escalation timer (null once it has fired).
   *
   * <p>It gives the numbers the engine's queries gave before (issue #12: they were three statements per
   * reminder, two of them on the activity history): the current wait starts at the latest start of the
   * host activity's unfinished instances in ACT_HI_ACTINST (none: the epoch), its reminders are the
   * instances of the wait's reminder task started from 1 ms before it, except the running one; the
   * escalation timer is the process instance's job whose job definition is the escalation timer (as
   * {@code createJobQuery().processInstanceId(..).activityId(..).singleResult()}, which fails on two).
   * History and jobs are kept by a process instance migration and exist for waits started before this
   * change, so there is no counter to carry over or to start. A manager's reminder from an escalation
   * ({@link EscalationActions}) runs no reminder task: it is numbered like the next automatic one and is not
   * counted by later ones, as before. No authorization check is applied here: the engine's queries were
   * checked only in a manager's escalation, and managers hold READ on every process instance and
   * READ_HISTORY on every process definition (security/TeamAuthorizations), so they saw the same rows.
   */
  record WaitState(int previousReminders, Date escalationDue) {

    private static final String SQL = """
        SELECT 'H', ID_, START_TIME_ FROM %1$sACT_HI_ACTINST
         WHERE PROC_INST_ID_ = ? AND ACT_ID_ = ? AND END_TIME_ IS NULL
        UNION ALL
        SELECT 'R', ID_, START_TIME_ FROM %1$sACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_ID_ = ?
        UNION ALL
        SELECT 'J', J.ID_, J.DUEDATE_ FROM %1$sACT_RU_JOB J LEFT OUTER JOIN %1$sACT_RU_JOBDEF JD ON JD.ID_ = J.JOB_DEF_ID_
         WHERE J.PROCESS_INSTANCE_ID_ = ? AND JD.ACT_ID_ = ?
        """;

    /** Reads the state of {@code waitingFor} in the running command (a job or a task's completion). */
    static WaitState of(String processInstanceId, WaitingFor waitingFor, String currentActivityInstanceId) {
      DbSqlSession session = Context.getCommandContext().getDbSqlSession();
      String sql = SQL.formatted(session.getDbSqlSessionFactory().getDatabaseTablePrefix());
      long waitStarted = 0;
      List<Timestamp> reminders = new ArrayList<>();
      List<Timestamp> escalations = new ArrayList<>();
      try (PreparedStatement statement = session.getSqlSession().getConnection().prepareStatement(sql)) {
        statement.setString(1, processInstanceId);
        statement.setString(2, waitingFor.hostActivityId());
        statement.setString(3, processInstanceId);
        statement.setString(4, waitingFor.reminderTaskId());
        statement.setString(5, processInstanceId);
        statement.setString(6, waitingFor.escalationTimerId());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            String kind = rows.getString(1);
            Timestamp time = rows.getTimestamp(3);
            if (kind.equals("H")) {
              waitStarted = Math.max(waitStarted, time.getTime());
            } else if (kind.equals("J")) {
              escalations.add(time);
            } else if (!rows.getString(2).equals(currentActivityInstanceId)) {
              reminders.add(time);
            }
          }
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not read the reminders of " + waitingFor + " in process instance "
            + processInstanceId, e);
      }
      if (escalations.size() > 1) {
        throw new ProcessEngineException("Process instance " + processInstanceId + " has " + escalations.size()
            + " escalation timers " + waitingFor.escalationTimerId() + " instead of at most one");
      }
      long from = waitStarted - 1;
      int previous = (int) reminders.stream().filter(started -> started.getTime() >= from).count();
      return new WaitState(previous, escalations.isEmpty() ? null : new Date(escalations.get(0).getTime()));
    }
  }
}
