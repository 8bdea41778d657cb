package com.bpocontractflow.signing;

import com.bpocontractflow.onboarding.OnboardingChecklist;
import com.bpocontractflow.onboarding.OnboardingProvisions;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.AnswerLinks;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.validation.VaguePhrases;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The actions of an escalation task, driven with the engine clock: remind again now, extend the wait by N
 * days, hand the wait's staff task to another member of its team, cancel before formation. The listeners
 * and delegates are the real classes; only repositories and the mailer are replaced.
 */
@Deployment(resources = {ContractSigningProcess.RESOURCE, ContractSigningProcess.APPROVAL_DECISION_RESOURCE,
    ContractSigningProcessTest.TERM_STUB})
class EscalationActionsProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .build();

  static final String NUMBER = ContractSigningProcessTest.NUMBER;

  final ContractRepository contracts = mock(ContractRepository.class);
  final MerchantMailer mailer = mock(MerchantMailer.class);
  final SigningRecorder recorder = mock(SigningRecorder.class);
  final AnswerLinks answerLinks = mock(AnswerLinks.class);

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(engine.getProcessEngine());
    useContract(ContractStatus.PROPOSAL_SENT);
    when(recorder.contractId(any(), any())).thenAnswer(i -> ((Number) i.getArgument(0)).longValue());
    SigningSchedule schedule = new SigningSchedule(ContractSigningProcessTest.TIMERS,
        ContractSigningProcessTest.GO_LIVE_TARGET);
    MerchantReminderDelegate reminders = new MerchantReminderDelegate(contracts, mailer, schedule, answerLinks);
    UserTaskListener listener = new UserTaskListener(recorder, new VaguePhrases(List.of()), new LatePaymentCap(null));
    listener.setEscalationActions(new EscalationActions(reminders, contracts));
    Mocks.register("userTaskListener", listener);
    when(answerLinks.model(anyLong(), any(), any(), anyInt()))
        .thenReturn(Map.of("answerLink", "https://bpo.example.com/m/token"));
    // a proposal's link expires with its quote (MerchantMailDelegate.linkExpiry)
    when(answerLinks.model(anyLong(), any(), any(), anyInt(), any()))
        .thenReturn(Map.of("answerLink", "https://bpo.example.com/m/token"));
    Mocks.register("merchantMail", new MerchantMailDelegate(contracts, mailer, answerLinks, schedule));
    Mocks.register("merchantReminder", reminders);
    Mocks.register("signingWithdrawal", new SigningWithdrawal(contracts, mailer));
    Mocks.register("signingSchedule", schedule);
    // the onboarding steps show and ask for what the merchant provided (ContractSigningProcessTest tests them)
    OnboardingChecklist checklist = mock(OnboardingChecklist.class);
    when(checklist.summary(anyLong())).thenReturn("【未提供】商品资料");
    Mocks.register("onboardingProvisions", new OnboardingProvisions(checklist));
    identityService().saveGroup(identityService().newGroup("sales"));
    identityService().saveGroup(identityService().newGroup("legal"));
    identityService().saveUser(identityService().newUser("lisales"));
    identityService().saveUser(identityService().newUser("zhaolegal"));
    identityService().createMembership("lisales", "sales");
    identityService().createMembership("zhaolegal", "legal");
    identityService().saveGroup(identityService().newGroup("onboarding"));
    identityService().saveUser(identityService().newUser("wangonboarding"));
    identityService().createMembership("wangonboarding", "onboarding");
  }

  @AfterEach
  void reset() {
    identityService().deleteUser("lisales");
    identityService().deleteUser("zhaolegal");
    identityService().deleteGroup("sales");
    identityService().deleteGroup("legal");
    identityService().deleteUser("wangonboarding");
    identityService().deleteGroup("onboarding");
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  void useContract(ContractStatus status) {
    Contract contract = TestContracts.contract(42L, NUMBER, new BigDecimal("5000.00"), SigningMethod.PAPER, status);
    when(contracts.get(anyLong())).thenReturn(contract);
    when(contracts.ofProcess(any(), any())).thenReturn(contract);
  }

  /** A contract waiting for the merchant's answer to the proposal, escalated to managers. */
  ProcessInstance escalatedProposalAnswer() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY).businessKey(NUMBER)
        .startBeforeActivity(WaitingFor.PROPOSAL_ANSWER.hostActivityId())
        .setVariables(ContractSigningProcessTest.contextVariables()).execute();
    Job escalation = escalationJob(pi);
    ClockUtil.setCurrentTime(new Date(escalation.getDuedate().getTime() + 1000));
    execute(escalation);
    BpmnAwareTests.assertThat(pi).isWaitingAt(ESCALATE_PROPOSAL_ANSWER, CONFIRM_PROPOSAL);
    return pi;
  }

  Job escalationJob(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(WaitingFor.PROPOSAL_ANSWER.escalationTimerId()).singleResult();
  }

  static Map<String, Object> action(EscalationChoice choice, Object... fields) {
    Map<String, Object> values = vars(fields);
    values.putAll(escalationHandled());
    values.put(Vars.ESCALATION_CHOICE, choice.name());
    return values;
  }

  @Test
  void shouldSendTheMerchantTheReminderOfTheWaitNow() {
    ProcessInstance pi = escalatedProposalAnswer();
    verify(mailer, never()).send(eq(MerchantMail.REMINDER), any(), any(), any(Object[].class));

    complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.REMIND));

    verify(mailer, times(1)).send(eq(MerchantMail.REMINDER), any(), argThat(model ->
        WaitingFor.PROPOSAL_ANSWER.name().equals(model.get("waitingFor"))
            && "https://bpo.example.com/m/token".equals(model.get("answerLink"))), any(Object[].class));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL).hasPassed("EndEvent_ProposalAnswerEscalated");
    // the choice was this task's: the process keeps none of it
    assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys(Vars.ESCALATION_CHOICE);
  }

  /**
   * Issue #12: a manager's reminder is numbered after the automatic reminders of the wait and, as before the
   * count was read in one statement, is not counted by the automatic one that follows (it runs no reminder
   * task); the escalation timer has fired, so its deadline reads 已逾期.
   */
  @Test
  void shouldNumberTheManagersReminderAfterTheAutomaticOnes() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY).businessKey(NUMBER)
        .startBeforeActivity(WaitingFor.PROPOSAL_ANSWER.hostActivityId())
        .setVariables(ContractSigningProcessTest.contextVariables()).execute();
    for (int i = 0; i < 2; i++) {
      Job reminder = reminderJob(pi);
      ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
      execute(reminder);
    }
    execute(escalationJob(pi));
    complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.REMIND));
    Job third = reminderJob(pi);
    ClockUtil.setCurrentTime(new Date(third.getDuedate().getTime() + 1000));
    execute(third);

    org.mockito.ArgumentCaptor<Map<String, Object>> models = ContractSigningProcessTest.mapCaptor();
    verify(mailer, times(4)).send(eq(MerchantMail.REMINDER), any(), models.capture(), any(Object[].class));
    assertThat(models.getAllValues()).extracting(m -> m.get("reminderNumber")).containsExactly(1, 2, 3, 3);
    List<String> deadlines = models.getAllValues().stream().map(m -> (String) m.get("deadline")).toList();
    assertThat(deadlines.subList(0, 2)).allMatch(d -> d.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"));
    assertThat(deadlines.subList(2, 4)).containsOnly("已逾期");
  }

  Job reminderJob(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(WaitingFor.PROPOSAL_ANSWER.reminderTimerId()).singleResult();
  }

  @Test
  void shouldRefuseToRemindWhenTheMerchantHasAnsweredMeanwhile() {
    ProcessInstance pi = escalatedProposalAnswer();
    // a revision keeps the proposal phase (and the escalation in it) open; the wait for the answer is over
    complete(task(CONFIRM_PROPOSAL, pi), proposalAnswer("REVISION_REQUESTED"));

    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.REMIND)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("当前没有在等待商家");
    BpmnAwareTests.assertThat(pi).isWaitingAt(ESCALATE_PROPOSAL_ANSWER);
  }

  @Test
  void shouldEndAnOpenEscalationWithItsPhase() {
    ProcessInstance pi = escalatedProposalAnswer();
    complete(task(CONFIRM_PROPOSAL, pi), proposalAnswer("ACCEPTED"));

    // the proposal phase (SubProcess_Proposal) ends at its terminate end event, and the escalation with it
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(ESCALATE_PROPOSAL_ANSWER).count()).isZero();
    BpmnAwareTests.assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
  }

  @Test
  void shouldEscalateTheWaitAgainNDaysLaterAndNotOnceTheMerchantAnswers() {
    ProcessInstance pi = escalatedProposalAnswer();
    assertThat(escalationJob(pi)).isNull();
    Date decided = ClockUtil.getCurrentTime();

    complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.EXTEND, Vars.EXTEND_WORKING_DAYS, 3L));

    // the engine tests' calendar counts clock days; the application's counts working days (TaskDueDatesTest)
    Job again = escalationJob(pi);
    assertThat(again.getDuedate()).isEqualTo(new Date(decided.getTime() + Duration.ofDays(3).toMillis()));
    ClockUtil.setCurrentTime(new Date(again.getDuedate().getTime() + 1000));
    execute(again);
    BpmnAwareTests.assertThat(pi).isWaitingAt(ESCALATE_PROPOSAL_ANSWER, CONFIRM_PROPOSAL);

    complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.EXTEND, Vars.EXTEND_WORKING_DAYS, 2L));
    assertThat(escalationJob(pi)).isNotNull();
    complete(task(CONFIRM_PROPOSAL, pi), proposalAnswer("ACCEPTED"));
    assertThat(escalationJob(pi)).as("the answer ends the wait and its timer").isNull();
  }

  @Test
  void shouldRefuseAnExtensionWithoutDaysAndChangeNothing() {
    ProcessInstance pi = escalatedProposalAnswer();

    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.EXTEND)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("延长的工作日数");
    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi),
        action(EscalationChoice.EXTEND, Vars.EXTEND_WORKING_DAYS, 31L)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 到 30");
    BpmnAwareTests.assertThat(pi).isWaitingAt(ESCALATE_PROPOSAL_ANSWER);
    assertThat(escalationJob(pi)).isNull();
  }

  @Test
  void shouldHandTheWaitsStaffTaskOnlyToAMemberOfItsTeam() {
    ProcessInstance pi = escalatedProposalAnswer();

    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi),
        action(EscalationChoice.REASSIGN, Vars.REASSIGN_TO, "zhaolegal")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不属于处理「记录商家对方案的答复」的团队");
    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi),
        action(EscalationChoice.REASSIGN, Vars.REASSIGN_TO, "nobody")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("用户 nobody 不存在");
    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.REASSIGN)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("转交给（用户名）");
    assertThat(task(CONFIRM_PROPOSAL, pi).getAssignee()).isNull();

    complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.REASSIGN, Vars.REASSIGN_TO, "lisales"));

    assertThat(task(CONFIRM_PROPOSAL, pi).getAssignee()).isEqualTo("lisales");
  }

  @Test
  void shouldCancelTheContractBeforeFormationAsTheProvider() {
    ProcessInstance pi = escalatedProposalAnswer();

    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi), action(EscalationChoice.CANCEL)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("取消原因");
    BpmnAwareTests.assertThat(pi).isWaitingAt(ESCALATE_PROPOSAL_ANSWER, CONFIRM_PROPOSAL);

    complete(task(ESCALATE_PROPOSAL_ANSWER, pi),
        action(EscalationChoice.CANCEL, Vars.CANCELLATION_REASON, "商家长期未答复，我方取消"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(ContractSigningProcess.Elements.END_SIGNING_WITHDRAWN);
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(contracts).updateStatus(42L, ContractStatus.CANCELLED);
    verify(contracts).update(eq(42L), argThat(values -> "PROVIDER".equals(values.get("withdrawn_by"))
        && "商家长期未答复，我方取消".equals(values.get("withdrawal_reason"))));
    verify(mailer).sendNotice(eq(MerchantMail.SIGNING_CANCELLED), any(), any(), any(Object[].class));
  }

  @Test
  void shouldRefuseToCancelAFormedContract() {
    ProcessInstance pi = escalatedProposalAnswer();
    useContract(ContractStatus.SIGNED);

    assertThatThrownBy(() -> complete(task(ESCALATE_PROPOSAL_ANSWER, pi),
        action(EscalationChoice.CANCEL, Vars.CANCELLATION_REASON, "我方取消")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("已经成立");
    BpmnAwareTests.assertThat(pi).isWaitingAt(ESCALATE_PROPOSAL_ANSWER, CONFIRM_PROPOSAL);
    verify(contracts, never()).updateStatus(anyLong(), any());
  }

  @Test
  void shouldRemindOfTheCurrentWaitFromTheOverdueSigningReview() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY).businessKey(NUMBER)
        .startBeforeActivity(WaitingFor.CLAUSE_FEEDBACK.hostActivityId())
        .startBeforeActivity(REVIEW_OVERDUE_SIGNING)
        .setVariables(ContractSigningProcessTest.contextVariables()).execute();

    complete(task(REVIEW_OVERDUE_SIGNING, pi), action(EscalationChoice.REMIND));

    verify(mailer).send(eq(MerchantMail.REMINDER), any(), argThat(model ->
        WaitingFor.CLAUSE_FEEDBACK.name().equals(model.get("waitingFor"))), any(Object[].class));
  }

  @Test
  void shouldHandAnOverdueOnboardingTaskOverAndRefuseToCancelAFormedContract() {
    useContract(ContractStatus.SIGNED);
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY).businessKey(NUMBER)
        .startBeforeActivity(CONDUCT_TRAINING)
        .startBeforeActivity(REVIEW_OVERDUE_GO_LIVE)
        .setVariables(ContractSigningProcessTest.contextVariables()).execute();

    assertThatThrownBy(() -> complete(task(REVIEW_OVERDUE_GO_LIVE, pi), action(EscalationChoice.REMIND)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("当前没有在等待商家");
    assertThatThrownBy(() -> complete(task(REVIEW_OVERDUE_GO_LIVE, pi),
        action(EscalationChoice.CANCEL, Vars.CANCELLATION_REASON, "我方取消")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("已经成立");
    complete(task(REVIEW_OVERDUE_GO_LIVE, pi), action(EscalationChoice.REASSIGN, Vars.REASSIGN_TO, "wangonboarding"));

    assertThat(task(CONDUCT_TRAINING, pi).getAssignee()).isEqualTo("wangonboarding");
    BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_OverdueGoLiveHandled");
  }

  @ParameterizedTest
  @EnumSource(WaitingFor.class)
  void shouldSetTheEscalationOfEveryKindOfWaitAgain(WaitingFor waitingFor) {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY).businessKey(NUMBER)
        .startBeforeActivity(waitingFor.hostActivityId())
        .setVariables(ContractSigningProcessTest.contextVariables()).execute();
    String escalationTask = ContractSigningProcessTest.escalationTaskOf(waitingFor);
    Job first = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.escalationTimerId()).singleResult();
    ClockUtil.setCurrentTime(new Date(first.getDuedate().getTime() + 1000));
    execute(first);
    Date decided = ClockUtil.getCurrentTime();

    complete(task(escalationTask, pi), action(EscalationChoice.EXTEND, Vars.EXTEND_WORKING_DAYS, 4L));

    Job again = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.escalationTimerId()).singleResult();
    assertThat(again.getDuedate()).isEqualTo(new Date(decided.getTime() + Duration.ofDays(4).toMillis()));
    ClockUtil.setCurrentTime(new Date(again.getDuedate().getTime() + 1000));
    execute(again);
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(escalationTask)
        .count()).isEqualTo(1);
  }
}
