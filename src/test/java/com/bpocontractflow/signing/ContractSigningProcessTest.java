package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import com.bpocontractflow.coverage.ModelCoverage;
import com.bpocontractflow.deposit.DepositLedger;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.document.ContractSignatures;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.AnswerLinks;
import com.bpocontractflow.merchant.MerchantLinks;
import com.bpocontractflow.onboarding.OnboardingChecklist;
import com.bpocontractflow.onboarding.OnboardingChecklistMail;
import com.bpocontractflow.onboarding.OnboardingProvisions;
import com.bpocontractflow.signing.ContractSigningProcess.Elements;
import com.bpocontractflow.signing.ContractSigningProcess.Messages;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.validation.VaguePhrases;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

/**
 * Engine tests of every path, loop and timer of {@code contract-signing}. The listeners and delegates are
 * the real classes (validation included); only their repositories and the mailer are replaced.
 */
@Deployment(resources = {ContractSigningProcess.RESOURCE, ContractSigningProcess.APPROVAL_DECISION_RESOURCE,
    ContractSigningProcessTest.TERM_STUB})
class ContractSigningProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .build();

  /** At least 95 % of the model under test, asserted per model when the whole class ran. */
  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, ContractSigningProcess.KEY);

  static final String NUMBER = "BPO-2026-000042";
  static final String TERM_STUB = "stubs/contract-term-stub.bpmn";
  static final SigningProperties TIMERS = new SigningProperties(Duration.ofDays(2), 3, Duration.ofDays(7), Duration.ofDays(14), 7);
  static final OnboardingTargetProperties GO_LIVE_TARGET = new OnboardingTargetProperties(Duration.ofDays(10));

  final ContractRepository contracts = mock(ContractRepository.class);
  final MerchantMailer mailer = mock(MerchantMailer.class);
  final SigningRecorder recorder = mock(SigningRecorder.class);
  final InMemoryDepositLedger ledger = new InMemoryDepositLedger();
  final Map<String, Object> recordedClauses = new HashMap<>();
  final AnswerLinks answerLinks = mock(AnswerLinks.class);
  final ContractDocuments documents = mock(ContractDocuments.class);
  final ContractSignatures signatures = mock(ContractSignatures.class);
  final MerchantLinks links = mock(MerchantLinks.class);
  final OnboardingChecklist checklist = mock(OnboardingChecklist.class);
  final SignedCopyDelivery signedCopyDelivery = mock(SignedCopyDelivery.class);
  final com.bpocontractflow.document.ContractOriginals originals =
      mock(com.bpocontractflow.document.ContractOriginals.class);
  static final ContractDocuments.Version SIGNED_VERSION = new ContractDocuments.Version(42L, 1, 1, "a".repeat(64),
      "b".repeat(64), java.time.OffsetDateTime.now());

  @BeforeEach
  void registerBeans() {
    // this class's engine: with the application's engine also registered, camunda-bpm-assert does not guess
    BpmnAwareTests.init(engine.getProcessEngine());
    useContract(new BigDecimal("5000.00"), SigningMethod.PAPER);
    when(contracts.register(any(NewContract.class))).thenAnswer(i -> contracts.get(42L));
    Mocks.register("contractRegistration", new ContractRegistration(contracts));
    // the recorder keeps the clauses of each draft and revision, as the real one does in contract_clause_set
    doAnswer(invocation -> {
      String key = invocation.getArgument(0);
      if (DRAFT_CONTRACT.equals(key) || REVISE_CLAUSES.equals(key)) {
        org.camunda.bpm.engine.delegate.VariableScope scope = invocation.getArgument(2);
        recordedClauses.clear();
        ClauseRules.RULES.forEach(rule -> recordedClauses.put(rule.key(), scope.getVariable(rule.key())));
      }
      return null;
    }).when(recorder).taskCompleted(any(), anyLong(), any(), any());
    when(recorder.latestClauses(anyLong())).thenAnswer(invocation -> new HashMap<>(recordedClauses));
    when(recorder.contractId(any(), any())).thenAnswer(invocation -> ((Number) invocation.getArgument(0)).longValue());
    Mocks.register("userTaskListener", new UserTaskListener(recorder, new VaguePhrases(List.of()), new LatePaymentCap(null)));
    when(answerLinks.model(anyLong(), any(), any(), anyInt(), any()))
        .thenReturn(Map.of("answerLink", "https://bpo.example.com/m/token"));
    Mocks.register("proposalQuote", new ProposalQuotes(new ProposalProperties(java.time.Period.ofDays(14)), contracts));
    Mocks.register("merchantMail", new MerchantMailDelegate(contracts, mailer, answerLinks, new SigningSchedule(TIMERS)));
    Mocks.register("merchantReminder", new MerchantReminderDelegate(contracts, mailer, new SigningSchedule(TIMERS),
        answerLinks));
    Mocks.register("depositPayment", new DepositPaymentDelegate(contracts, ledger, mailer));
    when(mailer.depositLabel(any())).thenReturn("履约保证金");
    Mocks.register("signingWithdrawal", new SigningWithdrawal(contracts, mailer));
    Mocks.register("reviewRoundStarted", new ReviewRoundListener(recorder));
    when(documents.latest(anyLong())).thenReturn(java.util.Optional.of(SIGNED_VERSION));
    when(documents.current(any())).thenReturn(SIGNED_VERSION);
    when(documents.find(anyLong(), anyInt())).thenReturn(java.util.Optional.of(SIGNED_VERSION));
    Mocks.register("merchantSignature", new MerchantSignatureListener(contracts, documents, signatures));
    Mocks.register("signingSchedule", new SigningSchedule(TIMERS, GO_LIVE_TARGET));
    ProposalFacts facts = new ProposalFacts(new PricingProperties(null), recorder);
    Mocks.register("proposalFacts", facts);
    Mocks.register("approvalTerms", new ApprovalTerms(facts));
    when(links.createChecklistLink(anyLong(), any())).thenReturn(new MerchantLinks.NewLink(
        "https://bpo.example.com/m/checklist-token/onboarding", java.time.OffsetDateTime.parse("2036-12-01T09:00:00+08:00")));
    Mocks.register("onboardingChecklistMail", new OnboardingChecklistMail(contracts, mailer, links, checklist));
    when(checklist.summary(anyLong())).thenReturn("【已提供】商品资料：已发至培训邮箱");
    Mocks.register("onboardingProvisions", new OnboardingProvisions(checklist));
    Mocks.register("contractOriginals", originals);
    Mocks.register("signedCopy", new SignedCopyDelegate(contracts, signedCopyDelivery));
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  void useContract(BigDecimal deposit, SigningMethod method) {
    Contract contract = TestContracts.contract(42L, NUMBER, deposit, method);
    when(contracts.get(anyLong())).thenReturn(contract);
    when(contracts.ofProcess(any(), any())).thenReturn(contract);
  }

  ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, request());
  }

  void completeTask(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    assertThat(pi).isWaitingAt(taskKey);
    complete(task(taskKey, pi), variables);
    startReviewRound(pi);
    makeSignedCopy(pi);
  }

  /** The signed copy (and its e-mail) is made in a job after the second signature: runs it when it waits. */
  void makeSignedCopy(ProcessInstance pi) {
    if (managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.MAKE_SIGNED_COPY).count() > 0) {
      execute(job(Elements.MAKE_SIGNED_COPY, pi));
    }
  }

  /**
   * The review round (document version, merchant's e-mail) starts in a job after the request that led to it:
   * runs that job as the job executor would, when the step just completed led there.
   */
  void startReviewRound(ProcessInstance pi) {
    if (managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.SEND_CONTRACT_FOR_REVIEW).count() > 0) {
      execute(job(Elements.SEND_CONTRACT_FOR_REVIEW, pi));
    }
  }

  /** Runs the proposal and clause review once, accepting both. */
  ProcessInstance agreeOnContract(String signingMethod, String deposit) {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal(deposit));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    completeTask(pi, DRAFT_CONTRACT, contractDraft(signingMethod, deposit));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(true));
    return pi;
  }

  ProcessInstance goLiveElectronically() {
    useContract(new BigDecimal("5000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = agreeOnContract("ELECTRONIC", "5000.00");
    correlate(pi, Messages.MERCHANT_SIGNED, vars(Vars.SIGNER_NAME, "王小明"));
    completeTask(pi, COUNTERSIGN_CONTRACT, countersign());
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-20261126-042"));
    onboardAndGoLive(pi);
    return pi;
  }

  void onboardAndGoLive(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);
    completeTask(pi, CONDUCT_TRAINING, training());
    completeTask(pi, ASSESS_TRAINING, assessment(true));
    completeTask(pi, AUTHORIZE_SUBACCOUNTS, subaccounts());
    completeTask(pi, CONFIGURE_CS_SOFTWARE, software());
    completeTask(pi, APPROVE_GO_LIVE, goLive());
  }

  void correlate(ProcessInstance pi, String message, Map<String, Object> variables) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariables(variables).correlate();
  }

  List<MerchantMail> mailsSent() {
    ArgumentCaptor<MerchantMail> mails = ArgumentCaptor.forClass(MerchantMail.class);
    verify(mailer, atLeastOnce()).send(mails.capture(), any(), any(), any(Object[].class));
    return mails.getAllValues();
  }


  @Test
  void shouldSignOnPaperPayDepositByMessageAndGoLive() {
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");

    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());
    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT);

    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-20261126-001"));

    onboardAndGoLive(pi);
    assertThat(pi).isWaitingAt(Elements.SERVICE_TERM)
        .hasPassedInOrder(DRAFT_PROPOSAL, CONFIRM_PROPOSAL, DRAFT_CONTRACT, REVIEW_CLAUSES, SEAL_CONTRACT,
            COURIER_CONTRACT, RECEIVE_COUNTERSIGNED_CONTRACT, "ServiceTask_RecordDepositPayment", APPROVE_GO_LIVE);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(NUMBER);
    Assertions.assertThat(mailsSent()).containsExactly(MerchantMail.REQUEST_RECEIVED, MerchantMail.PROPOSAL,
        MerchantMail.CONTRACT_FOR_REVIEW, MerchantMail.SIGNING_INSTRUCTIONS, MerchantMail.CONTRACT_COURIERED,
        MerchantMail.DEPOSIT_REQUEST, MerchantMail.ONBOARDING_CHECKLIST, MerchantMail.GO_LIVE);
    verify(recorder).taskCompleted(eq(APPROVE_GO_LIVE), eq(42L), any(), any());
  }

  @Test
  void shouldSignElectronicallyAfterRevisionsAndRetrainingAndConfirmDepositInTasklist() {
    useContract(new BigDecimal("3000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("3000.00"));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("REVISION_REQUESTED"));
    completeTask(pi, DRAFT_PROPOSAL, proposal("3000.00"));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    completeTask(pi, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "3000.00"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    completeTask(pi, REVISE_CLAUSES, revision());
    completeTask(pi, REVIEW_CLAUSES, clauseReview(true));

    assertThat(pi).isWaitingAt(Elements.AWAIT_MERCHANT_SIGNATURE);
    correlate(pi, Messages.MERCHANT_SIGNED, vars(Vars.SIGNER_NAME, "王小明"));
    completeTask(pi, COUNTERSIGN_CONTRACT, countersign());
    completeTask(pi, CONFIRM_DEPOSIT, payment("3000.00", "BANK-889900"));

    completeTask(pi, CONDUCT_TRAINING, training());
    completeTask(pi, ASSESS_TRAINING, assessment(false));
    completeTask(pi, CONDUCT_TRAINING, training());
    completeTask(pi, ASSESS_TRAINING, assessment(true));
    completeTask(pi, AUTHORIZE_SUBACCOUNTS, subaccounts());
    completeTask(pi, CONFIGURE_CS_SOFTWARE, software());
    completeTask(pi, APPROVE_GO_LIVE, goLive());

    assertThat(pi).isWaitingAt(Elements.SERVICE_TERM);
    assertThat(pi).variables().containsEntry(Vars.PROPOSAL_ROUND, 2).containsEntry(Vars.REVIEW_ROUND, 2);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(CONDUCT_TRAINING).count()).isEqualTo(2);
    verify(recorder).reviewRoundStarted(42L, 1);
    verify(recorder).reviewRoundStarted(42L, 2);
    verify(contracts).update(eq(42L), argThat(columns -> "王小明".equals(columns.get("merchant_signer_name"))));
    verify(signatures).record(eq(42L), argThat(signature -> signature.party() == com.bpocontractflow.contract.Party.MERCHANT
        && "王小明".equals(signature.signer()) && signature.documentVersion() == 1
        && signature.documentSha256().equals(SIGNED_VERSION.pdfSha256())));
  }

  @Test
  void shouldStartEachLaterReviewRoundWithEmptyAnswerFieldsAndTheRoundsChanges() {
    when(recorder.reviewRoundStarted(42L, 2)).thenReturn("第 2 轮审阅，与第 1 轮相比：\n【违约责任与赔偿】减免比例：5% → 8%");
    ProcessInstance pi = draftingContract();
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    Map<String, Object> firstAnswer = clauseReview(false);
    firstAnswer.put(Vars.ANSWERED_BY, "商家链接：王小明");
    completeTask(pi, REVIEW_CLAUSES, firstAnswer);
    completeTask(pi, REVISE_CLAUSES, revision());

    Map<String, Object> roundTwo = taskService().getVariables(task(REVIEW_CLAUSES, pi).getId());
    Assertions.assertThat(roundTwo).containsEntry(Vars.CLAUSES_AGREED, null).containsEntry(Vars.CLAUSE_FEEDBACK, null)
        .containsEntry(Vars.ANSWERED_BY, null).containsEntry(Vars.REVIEW_ROUND, 2)
        .containsEntry(Vars.ROUND_CHANGES, "第 2 轮审阅，与第 1 轮相比：\n【违约责任与赔偿】减免比例：5% → 8%");

    completeTask(pi, REVIEW_CLAUSES, vars(Vars.CLAUSES_AGREED, true));
    assertThat(pi).isWaitingAt(SEAL_CONTRACT).variables().containsEntry(Vars.CLAUSES_AGREED, true)
        .containsEntry(Vars.CLAUSE_FEEDBACK, null).containsEntry(Vars.ANSWERED_BY, null);
    verify(recorder, times(2)).taskCompleted(eq(REVIEW_CLAUSES), eq(42L), any(), any());
  }

  @Test
  void shouldSendAProposalBelowThePriceFloorOnlyAfterManagersApproveIt() {
    ProcessInstance pi = start();
    Map<String, Object> cheap = proposal("5000.00");
    cheap.put(Vars.UNIT_PRICE, "1.20");
    completeTask(pi, DRAFT_PROPOSAL, cheap);

    assertThat(pi).isWaitingAt(APPROVE_PROPOSAL).variables().containsEntry(Vars.APPROVAL_REASON, "单价低于价格底线");
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers")
        .taskDefinitionKey(APPROVE_PROPOSAL).count()).isEqualTo(1);
    verify(mailer, never()).send(eq(MerchantMail.PROPOSAL), any(), any(), any(Object[].class));
    assertThatThrownBy(() -> complete(task(APPROVE_PROPOSAL, pi), vars(Vars.PROPOSAL_APPROVED, false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回意见");

    completeTask(pi, APPROVE_PROPOSAL, approval(false));
    assertThat(pi).isWaitingAt(DRAFT_PROPOSAL);
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));

    assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(APPROVE_PROPOSAL).count()).as("the revised proposal needed no approval").isEqualTo(1);
    verify(mailer, times(1)).send(eq(MerchantMail.PROPOSAL), any(), any(), any(Object[].class));
  }

  @Test
  void shouldSendAnApprovedProposal() {
    ProcessInstance pi = start();
    Map<String, Object> longTerm = proposal("5000.00");
    longTerm.put(Vars.TERM_MONTHS, 36L);
    completeTask(pi, DRAFT_PROPOSAL, longTerm);
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_REASON, "合同期限超过 24 个月");

    completeTask(pi, APPROVE_PROPOSAL, approval(true));

    assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL).hasPassedInOrder(APPROVE_PROPOSAL, "Gateway_ProposalReady",
        "ServiceTask_SendProposal");
    verify(mailer).send(eq(MerchantMail.PROPOSAL), any(), any(), any(Object[].class));
  }

  @Test
  void shouldEndWhenTheMerchantDeclinesTheProposal() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("DECLINED"));

    assertThat(pi).isEnded().hasPassed(Elements.END_PROPOSAL_DECLINED, Elements.END_NO_CONTRACT)
        .hasNotPassed(DRAFT_CONTRACT, Elements.END_CONTRACT_FORMED);
  }

  @Test
  void shouldEndEveryTaskAndReminderWhenTheMerchantWithdrawsBeforeSigning() {
    useContract(new BigDecimal("3000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("3000.00"));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    completeTask(pi, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "3000.00"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(true));
    assertThat(pi).isWaitingAt(Elements.AWAIT_MERCHANT_SIGNATURE);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isPositive();

    correlate(pi, Messages.SIGNING_WITHDRAWN, vars(Vars.WITHDRAWN_BY, "MERCHANT", Vars.WITHDRAWAL_REASON, "预算调整，暂不外包"));

    assertThat(pi).isEnded().hasPassed(Elements.END_SIGNING_WITHDRAWN).hasNotPassed(COUNTERSIGN_CONTRACT);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(contracts).updateStatus(42L, com.bpocontractflow.contract.ContractStatus.WITHDRAWN);
    verify(mailer).sendNotice(eq(com.bpocontractflow.mail.MerchantMail.SIGNING_WITHDRAWN), any(), any());
  }

  @Test
  void shouldRefuseAWithdrawalOnceTheContractIsFormedAndChangeNothing() {
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());
    Contract signed = TestContracts.contract(42L, NUMBER, new BigDecimal("5000.00"), SigningMethod.PAPER,
        com.bpocontractflow.contract.ContractStatus.SIGNED);
    when(contracts.ofProcess(any(), any())).thenReturn(signed);

    assertThatThrownBy(() -> correlate(pi, Messages.SIGNING_WITHDRAWN,
        vars(Vars.WITHDRAWN_BY, "PROVIDER", Vars.WITHDRAWAL_REASON, "内部调整")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("已经成立");
    assertThatThrownBy(() -> correlate(pi, Messages.SIGNING_WITHDRAWN, vars(Vars.WITHDRAWN_BY, "SOMEONE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("撤回方（withdrawnBy）");
    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT);
    verify(contracts, never()).updateStatus(anyLong(), eq(com.bpocontractflow.contract.ContractStatus.CANCELLED));
  }

  @Test
  void shouldSkipTheDepositWaitWhenNoDepositIsDue() {
    useContract(BigDecimal.ZERO, SigningMethod.PAPER);
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("0"));
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_REASON, "免收定金");
    completeTask(pi, APPROVE_PROPOSAL, approval(true));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "0"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(true));
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());

    assertThat(pi).isWaitingAt(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE)
        .hasNotPassed(Elements.AWAIT_DEPOSIT);
    assertThat(pi).variables().containsEntry(Vars.DEPOSIT_REQUIRED, false).doesNotContainKey(Vars.DEPOSIT_DUE_DATE);
    // no deposit to wait for: the onboarding checklist goes out as onboarding starts
    assertThat(pi).hasPassed(Elements.SEND_ONBOARDING_CHECKLIST);
    verify(mailer).send(eq(MerchantMail.ONBOARDING_CHECKLIST), any(), any(), any(Object[].class));
  }


  ProcessInstance waitingForDeposit() {
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());
    return pi;
  }

  @Test
  void shouldFixTheDepositDueDateWhenRequestedAndRepeatItInTheRemindersAndTheShortPaymentNotice() {
    // 00:30 on 1 December in China (still 30 November in UTC): the days count in China, by the engine's clock
    ClockUtil.setCurrentTime(Date.from(java.time.ZonedDateTime.of(2026, 12, 1, 0, 30, 0, 0,
        com.bpocontractflow.common.Clocks.ZONE).toInstant()));
    ProcessInstance pi = waitingForDeposit();

    assertThat(pi).variables().containsEntry(Vars.DEPOSIT_DUE_DATE, "2026-12-08")
        .containsEntry(Vars.DEPOSIT_KIND_LABEL, "履约保证金"); // shown in confirm-deposit: the kind legal chose
    ArgumentCaptor<Map<String, Object>> request = mapCaptor();
    verify(mailer).send(eq(MerchantMail.DEPOSIT_REQUEST), any(), request.capture(), eq("履约保证金"));
    Assertions.assertThat(request.getValue()).containsEntry("depositDueDate", "2026年12月8日");

    Job reminder = reminderJob(pi, WaitingFor.DEPOSIT);
    ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
    execute(reminder);
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("2000.00", "PAY-1"));

    ArgumentCaptor<Map<String, Object>> reminded = mapCaptor();
    verify(mailer).send(eq(MerchantMail.REMINDER), any(), reminded.capture(), eq(1), eq("履约保证金付款"));
    Assertions.assertThat(reminded.getValue()).containsEntry("waitingFor", "DEPOSIT")
        .containsEntry("waitingForLabel", "履约保证金付款")
        .containsEntry("depositDueDate", "2026年12月8日");
    ArgumentCaptor<Map<String, Object>> shortPayment = mapCaptor();
    verify(mailer).send(eq(MerchantMail.DEPOSIT_SHORT), any(), shortPayment.capture(), eq("履约保证金"), eq("3,000.00"));
    Assertions.assertThat(shortPayment.getValue()).containsEntry("depositDueDate", "2026年12月8日")
        .containsEntry("depositOutstanding", "3,000.00");
    assertThat(pi).variables().containsEntry(Vars.DEPOSIT_DUE_DATE, "2026-12-08");
  }

  @Test
  void shouldRefuseADepositDueDateOutsideOneToNinetyDays() {
    assertThatThrownBy(() -> new SigningProperties(Duration.ofDays(2), 3, Duration.ofDays(7), Duration.ofDays(14), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bpo.signing.deposit-due-days must be 1 to 90 days");
  }

  @Test
  void shouldRefuseAGoLiveTargetThatIsNotAPositiveDuration() {
    assertThatThrownBy(() -> new OnboardingTargetProperties(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bpo.onboarding.target must be a positive duration, e.g. P10D");
    Assertions.assertThat(new SigningSchedule(TIMERS).getOnboardingTarget()).as("the default").isEqualTo("P10D");
    Assertions.assertThat(new SigningSchedule(TIMERS, new OnboardingTargetProperties(Duration.ofHours(36)))
        .getOnboardingTarget()).as("clock time").isEqualTo("PT36H");
  }

  @Test
  void shouldKeepWaitingAndRecordAShortPaymentThenProceedOnTheRemainder() {
    ProcessInstance pi = waitingForDeposit();

    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("2000.00", "PAY-1"));

    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT);
    assertThat(pi).variables().containsEntry(Vars.DEPOSIT_PAID_TOTAL, "2000.00")
        .containsEntry(Vars.DEPOSIT_PAID_IN_FULL, false);
    Assertions.assertThat(ledger.payments).containsExactly("PAY-1=2000.00");
    verify(mailer).send(eq(MerchantMail.DEPOSIT_SHORT), any(), any(), eq("履约保证金"), eq("3,000.00"));

    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("3000.00", "PAY-2"));

    assertThat(pi).isWaitingAt(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);
    assertThat(pi).variables().containsEntry(Vars.DEPOSIT_PAID_TOTAL, "5000.00");
  }

  @Test
  void shouldCountARepeatedPaymentMessageOnce() {
    ProcessInstance pi = waitingForDeposit();

    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("2500.00", "PAY-SAME"));
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("2500.00", "PAY-SAME"));
    verify(mailer, times(1)).send(eq(MerchantMail.DEPOSIT_SHORT), any(), any(), any(Object[].class));

    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT);
    assertThat(pi).variables().containsEntry(Vars.DEPOSIT_PAID_TOTAL, "2500.00");
  }

  @Test
  void shouldRefuseAPaymentMessageWithoutAmountAndChangeNothing() {
    ProcessInstance pi = waitingForDeposit();
    Task before = task(CONFIRM_DEPOSIT, pi);

    assertThatThrownBy(() -> correlate(pi, Messages.DEPOSIT_RECEIVED, vars(Vars.PAYMENT_REFERENCE, "PAY-X")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("到账金额");

    Assertions.assertThat(task(CONFIRM_DEPOSIT, pi).getId()).isEqualTo(before.getId());
    Assertions.assertThat(ledger.payments).isEmpty();
    assertThat(pi).variables().doesNotContainKey(Vars.PAYMENT_REFERENCE);
  }


  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"<img src=x onerror=alert(1)>", "PAY 001", "PAY-\u200B001"})
  void shouldRefuseAPaymentMessageWhoseReferenceIsNotAnIdentifier(String reference) {
    ProcessInstance pi = waitingForDeposit();

    assertThatThrownBy(() -> correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", reference)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「付款流水号」只能包含字母、数字和 - _ / .");

    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT);
    Assertions.assertThat(ledger.payments).isEmpty();
  }

  @Test
  void shouldAcceptAPaymentReferenceWithTheUsualSeparators() {
    ProcessInstance pi = waitingForDeposit();

    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", " ALIPAY_2026/11.26-0042 "));

    Assertions.assertThat(ledger.payments).containsExactly("ALIPAY_2026/11.26-0042=5000.00");
    assertThat(pi).isWaitingAt(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);
  }

  @Test
  void shouldStartNothingForAMalformedEmail() {
    Map<String, Object> request = request();
    request.put(Vars.MERCHANT_EMAIL, "not-an-email");

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, request))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("商家邮箱");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    verify(contracts, never()).register(any());
  }

  @Test
  void shouldStartWithTheContractsOwnNumberOnlyWhenItFollowsTheOneRule() {
    runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, "HZXX-2026-07", request());
    verify(contracts).register(argThat(c -> "HZXX-2026-07".equals(c.requestedNumber())));

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, "hzxx-2026-07",
        request()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("输入有误：「合同编号」只能包含大写字母、数字和 -，以字母或数字开头，共 3 到 40 位，例如 BPO-2026-000123");
    verify(contracts, times(1)).register(any());
  }

  @Test
  void shouldStartNothingForLessThanOneSeat() {
    Map<String, Object> request = request();
    request.put(Vars.SEATS, 0L);

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, request))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("客服座席数");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"\u200B\u200B\u200B\u200B", "\u200C\u200D\u2060\uFEFF",
      " \u200B\u3000\u00A0\u200B "})
  void shouldStartNothingForAMerchantNameOfInvisibleCharacters(String invisible) {
    Map<String, Object> request = request();
    request.put(Vars.MERCHANT_NAME, invisible);

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, request))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写「商家名称」");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    verify(contracts, never()).register(any());
  }

  @Test
  void shouldStartNothingForAControlCharacterInAText() {
    Map<String, Object> request = request();
    request.put(Vars.CONTACT_PERSON, "王小明\u0000");

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ContractSigningProcess.KEY, request))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「联系人」不能包含控制字符");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void shouldRefuseAServiceScopeLongerThanItsColumnEvenWhenMostlyBlank() {
    ProcessInstance pi = start();
    Map<String, Object> proposal = proposal("5000.00");
    proposal.put(Vars.SERVICE_SCOPE, "售前咨询、订单核对、售后跟进、退款协商" + " ".repeat(4990));

    // before: the trimmed text passed the rule and the engine failed to store the 5,000 characters (HTTP 500)
    assertThatThrownBy(() -> complete(task(DRAFT_PROPOSAL, pi), proposal))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「服务范围」不能超过 2000 个字");
    assertThat(pi).isWaitingAt(DRAFT_PROPOSAL);
    verify(recorder, never()).taskCompleted(any(), anyLong(), any(), any());
  }

  @Test
  void shouldKeepATaskOpenWhenCompletedWithMissingOrOutOfRangeValues() {
    ProcessInstance pi = start();
    Map<String, Object> bad = proposal("5000.00");
    bad.remove(Vars.SERVICE_SCOPE);
    bad.put(Vars.TERM_MONTHS, 99L);

    assertThatThrownBy(() -> complete(task(DRAFT_PROPOSAL, pi), bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请填写「服务范围」")
        .hasMessageContaining("「合同期限（月）」必须是 1 到 60 之间的整数");

    assertThat(pi).isWaitingAt(DRAFT_PROPOSAL);
    assertThat(pi).variables().doesNotContainKey(Vars.TERM_MONTHS);
    verify(recorder, never()).taskCompleted(any(), anyLong(), any(), any());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"常规客服服务", "按行业标准", "尽快", "合理时间内", "视情况而定", "及时处理"})
  void shouldRefuseAVagueServiceScope(String vague) {
    ProcessInstance pi = start();
    Map<String, Object> proposal = proposal("5000.00");
    proposal.put(Vars.SERVICE_SCOPE, "为商家提供" + vague + "，包括售前咨询");

    assertThatThrownBy(() -> complete(task(DRAFT_PROPOSAL, pi), proposal))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「服务范围」不够具体").hasMessageContaining("“" + vague + "”");
    assertThat(pi).isWaitingAt(DRAFT_PROPOSAL);
  }

  ProcessInstance draftingContract() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
    return pi;
  }

  @Test
  void shouldRenderTheReviewVersionAndMailTheMerchantInAJobAfterTheDraftIsSubmitted() {
    ProcessInstance pi = draftingContract();
    complete(task(DRAFT_CONTRACT, pi), contractDraft("PAPER", "5000.00"));

    // the submission is committed without the document: the round waits in a job for the job executor
    assertThat(pi).isWaitingAt(Elements.SEND_CONTRACT_FOR_REVIEW).hasPassed(DRAFT_CONTRACT);
    Assertions.assertThat(job(Elements.SEND_CONTRACT_FOR_REVIEW, pi)).isNotNull();
    verify(recorder, never()).reviewRoundStarted(anyLong(), anyInt());
    Assertions.assertThat(mailsSent()).doesNotContain(MerchantMail.CONTRACT_FOR_REVIEW);

    execute(job(Elements.SEND_CONTRACT_FOR_REVIEW, pi));
    // the version exists before the e-mail that links it is written, in the same job
    org.mockito.InOrder order = org.mockito.Mockito.inOrder(recorder, mailer);
    order.verify(recorder).reviewRoundStarted(42L, 1);
    order.verify(mailer).send(eq(MerchantMail.CONTRACT_FOR_REVIEW), any(), any(), any(Object[].class));
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
  }

  @Test
  void shouldKeepTheReviewRoundAsAJobWithAnIncidentWhenTheDocumentCannotBeRendered() {
    when(recorder.reviewRoundStarted(42L, 1)).thenThrow(new IllegalStateException("PDF rendering failed"));
    ProcessInstance pi = draftingContract();
    complete(task(DRAFT_CONTRACT, pi), contractDraft("PAPER", "5000.00"));

    // each failed attempt costs a retry; the last one leaves an incident for Cockpit, the step is not lost
    failUntilIncident(pi, Elements.SEND_CONTRACT_FOR_REVIEW, "PDF rendering failed");
    Assertions.assertThat(mailsSent()).doesNotContain(MerchantMail.CONTRACT_FOR_REVIEW);

    // once the cause is mended, an operator's retry (Cockpit) completes the round
    org.mockito.Mockito.reset(recorder);
    when(recorder.reviewRoundStarted(42L, 1)).thenReturn("第 1 轮审阅");
    when(recorder.contractId(any(), any())).thenAnswer(invocation -> ((Number) invocation.getArgument(0)).longValue());
    managementService().setJobRetries(job(Elements.SEND_CONTRACT_FOR_REVIEW, pi).getId(), 1);
    execute(job(Elements.SEND_CONTRACT_FOR_REVIEW, pi));
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
    verify(mailer).send(eq(MerchantMail.CONTRACT_FOR_REVIEW), any(), any(), any(Object[].class));
  }

  @ParameterizedTest
  @EnumSource(SigningMethod.class)
  void shouldMakeAndMailTheSignedCopyInAJobAfterTheSecondSignature(SigningMethod method) {
    useContract(new BigDecimal("5000.00"), method);
    ProcessInstance pi = agreeOnContract(method.name(), "5000.00");
    String secondSignature;
    if (method == SigningMethod.PAPER) {
      completeTask(pi, SEAL_CONTRACT, seal());
      completeTask(pi, COURIER_CONTRACT, courier());
      secondSignature = RECEIVE_COUNTERSIGNED_CONTRACT;
      complete(task(RECEIVE_COUNTERSIGNED_CONTRACT, pi), countersignedCopyReceived());
    } else {
      correlate(pi, Messages.MERCHANT_SIGNED, vars(Vars.SIGNER_NAME, "王小明"));
      secondSignature = COUNTERSIGN_CONTRACT;
      complete(task(COUNTERSIGN_CONTRACT, pi), countersign());
    }

    // the completion records the second signature and is committed without the copy: it waits in a job
    verify(recorder).taskCompleted(eq(secondSignature), eq(42L), any(), any());
    assertThat(pi).isWaitingAt(Elements.MAKE_SIGNED_COPY).hasPassed(secondSignature);
    verify(signedCopyDelivery, never()).bothSigned(anyLong(), any());

    execute(job(Elements.MAKE_SIGNED_COPY, pi));
    verify(signedCopyDelivery, times(1)).bothSigned(42L, pi.getId());
    assertThat(pi).hasPassed(Elements.MAKE_SIGNED_COPY).isWaitingAt(CONFIRM_DEPOSIT);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.MAKE_SIGNED_COPY).count()).isZero();
  }

  @Test
  void shouldKeepTheSignedCopyAsAJobWithAnIncidentWhenItCannotBeRendered() {
    doAnswer(invocation -> {
      throw new IllegalStateException("PDF rendering failed");
    }).when(signedCopyDelivery).bothSigned(anyLong(), any());
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    complete(task(RECEIVE_COUNTERSIGNED_CONTRACT, pi), countersignedCopyReceived());

    // the signature stays recorded; each failed attempt costs a retry, the last one leaves an incident
    verify(recorder).taskCompleted(eq(RECEIVE_COUNTERSIGNED_CONTRACT), eq(42L), any(), any());
    failUntilIncident(pi, Elements.MAKE_SIGNED_COPY, "PDF rendering failed");

    // once the cause is mended, an operator's retry (Cockpit) makes the copy and the contract is formed
    org.mockito.Mockito.reset(signedCopyDelivery);
    managementService().setJobRetries(job(Elements.MAKE_SIGNED_COPY, pi).getId(), 1);
    execute(job(Elements.MAKE_SIGNED_COPY, pi));
    verify(signedCopyDelivery).bothSigned(42L, pi.getId());
    assertThat(pi).hasPassed(Elements.MAKE_SIGNED_COPY).isWaitingAt(CONFIRM_DEPOSIT);
  }

  /**
   * Runs the asynchronous continuation at {@code activityId} until the engine's retries (3) are spent, each attempt
   * failing with {@code failure}: no retry is left, the incident is at that step for Cockpit, and the contract still
   * waits there (not lost).
   */
  private void failUntilIncident(ProcessInstance pi, String activityId, String failure) {
    for (int attempt = 0; attempt < 3; attempt++) {
      String jobId = job(activityId, pi).getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining(failure);
    }
    Assertions.assertThat(job(activityId, pi).getRetries()).isZero();
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
        .getActivityId()).isEqualTo(activityId);
    assertThat(pi).isWaitingAt(activityId);
  }

  /** The clause fields' variables (and the two texts shown beside them) while a draft or revision is open. */
  static java.util.Set<String> clauseVariables() {
    java.util.Set<String> names = new java.util.HashSet<>();
    ClauseRules.RULES.forEach(rule -> names.add(rule.key()));
    names.add(Vars.CLAUSE_DEVIATION_SUMMARY);
    names.add(Vars.FORUM_VENUE_CHOICES);
    return names;
  }

  @Test
  void shouldKeepTheClausesOfADraftAndARevisionOnTheTaskWithoutProcessVariablesToRemove() {
    ProcessInstance pi = draftingContract();
    // what the proposal left on the process (its terms); the draft writes no other clause there
    java.util.Set<String> fromProposal = new java.util.HashSet<>(runtimeService().getVariables(pi.getId()).keySet());
    java.util.Set<String> draftOnly = new java.util.HashSet<>(clauseVariables());
    draftOnly.removeAll(fromProposal);
    Task draft = task(DRAFT_CONTRACT, pi);
    Assertions.assertThat(taskService().getVariablesLocal(draft.getId()).keySet())
        .as("every clause field prefilled on the task").containsAll(ClauseRules.standardTemplate().keySet())
        .contains(Vars.CLAUSE_DEVIATION_SUMMARY);
    Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet()).doesNotContainAnyElementsOf(draftOnly);

    // as Tasklist submits the form: into the task's own variables
    Map<String, Object> submitted = contractDraft("PAPER", "5000.00");
    submitted.put(Vars.DATA_RETURN_DAYS, 20L);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService().submitTaskForm(draft.getId(), submitted);
    startReviewRound(pi);

    Assertions.assertThat(recordedClauses).as("the submission is what is recorded")
        .containsEntry(Vars.DATA_RETURN_DAYS, 20L).containsEntry(Vars.MERCHANT_LEGAL_NAME, "杭州小象电子商务有限公司");
    Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet())
        .as("the process holds no clause but what it keeps").doesNotContainAnyElementsOf(draftOnly)
        .contains(Vars.DEPOSIT_REQUIRED, Vars.DEPOSIT_AMOUNT, Vars.SERVICE_SCOPE);
    // no clause was ever written on the process instance by the draft, and the task's own copies are not in
    // the history (TaskCopiesHistory): their record is the clause set
    assertNoClauseCopyInTheHistory(pi, draftOnly);

    // the merchant asks for changes: the revision starts from the clauses just recorded, again on the task
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Task revise = task(REVISE_CLAUSES, pi);
    Assertions.assertThat(taskService().getVariablesLocal(revise.getId()))
        .containsEntry(Vars.DATA_RETURN_DAYS, 20L).containsEntry(Vars.MERCHANT_LEGAL_NAME, "杭州小象电子商务有限公司");
    Map<String, Object> revision = revision();
    revision.put(Vars.DATA_RETURN_DAYS, 15L);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService().submitTaskForm(revise.getId(), revision);
    startReviewRound(pi);
    Assertions.assertThat(recordedClauses).containsEntry(Vars.DATA_RETURN_DAYS, 15L);
    assertNoClauseCopyInTheHistory(pi, draftOnly);
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
  }

  /**
   * Neither the clauses of {@code draftOnly} nor a task's copies of the contract number and merchant are in
   * the history of {@code pi}, which does record the process's own contract number and the tasks.
   */
  private void assertNoClauseCopyInTheHistory(ProcessInstance pi, java.util.Set<String> draftOnly) {
    // draftOnly holds the clause fields and the two texts beside them (clauseVariables)
    java.util.Set<String> copies = new java.util.HashSet<>(draftOnly);
    copies.addAll(List.of(Vars.CONTRACT_NUMBER, Vars.MERCHANT_NAME));
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn(copies.toArray(String[]::new)).list())
        .as("only the process's own contract number and merchant").isNotEmpty()
        .allSatisfy(variable -> {
          Assertions.assertThat(variable.getName()).isIn(Vars.CONTRACT_NUMBER, Vars.MERCHANT_NAME);
          Assertions.assertThat(variable.getTaskId()).isNull();
        });
    Assertions.assertThat(historyService().createHistoricDetailQuery().processInstanceId(pi.getId())
        .variableUpdates().list()).filteredOn(detail -> copies.contains(
            ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName()))
        .allSatisfy(detail -> Assertions.assertThat(detail.getTaskId()).isNull());
    Assertions.assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(DRAFT_CONTRACT).finished().count()).isEqualTo(1);
  }

  @Test
  void shouldRecordWhatACompletionCallSubmitsNotThePrefilledClause() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> submitted = contractDraft("PAPER", "5000.00");
    submitted.put(Vars.DATA_RETURN_DAYS, 20L);
    // TaskService.complete (REST POST /task/{id}/complete) writes to the execution, not to the task's variables
    completeTask(pi, DRAFT_CONTRACT, submitted);

    Assertions.assertThat(recordedClauses).containsEntry(Vars.DATA_RETURN_DAYS, 20L)
        .containsEntry(Vars.MERCHANT_LEGAL_NAME, "杭州小象电子商务有限公司");
    Assertions.assertThat(runtimeService().getVariables(pi.getId()))
        .doesNotContainKeys(Vars.DATA_RETURN_DAYS, Vars.MERCHANT_LEGAL_NAME, Vars.CLAUSE_DEVIATION_SUMMARY)
        .containsEntry(Vars.DEPOSIT_REQUIRED, true);
  }

  @Test
  void shouldPrefillANewContractFromTheStandardTemplate() {
    ProcessInstance pi = draftingContract();
    // the form's values: the task's own variables
    Map<String, Object> form = taskService().getVariablesLocal(task(DRAFT_CONTRACT, pi).getId());
    Assertions.assertThat(form).containsEntry(Vars.TERMINATION_NOTICE_DAYS, 30).containsEntry(Vars.FIRST_RESPONSE_MINUTES, 5)
        .containsEntry(Vars.NO_SUB_ENTRUSTING, true);
    Assertions.assertThat(form.get(Vars.DISPUTE_FORUM)).as("legal chooses the forum").isNull();
    assertThat(pi).variables().doesNotContainKeys(Vars.TERMINATION_NOTICE_DAYS, Vars.NO_SUB_ENTRUSTING, Vars.DISPUTE_FORUM);
  }

  @Test
  void shouldSummarizeWhereThePrefilledClausesDeviateFromTheStandardTemplateWhileTheyAreDrafted() {
    ProcessInstance pi = draftingContract();
    Assertions.assertThat(taskService().getVariable(task(DRAFT_CONTRACT, pi).getId(), Vars.CLAUSE_DEVIATION_SUMMARY))
        .isEqualTo("与标准模板一致");
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    assertThat(pi).variables().doesNotContainKey(Vars.CLAUSE_DEVIATION_SUMMARY);

    // the revision starts from the recorded version, which legal changed
    recordedClauses.put(Vars.TRIAL_DAYS, 0);
    recordedClauses.put(Vars.SETUP_COSTS_REPAID, false);
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Assertions.assertThat(taskService().getVariable(task(REVISE_CLAUSES, pi).getId(), Vars.CLAUSE_DEVIATION_SUMMARY))
        .isEqualTo("第四条 甲方违约时偿还前期投入：否（标准：是）\n第五条 试用期（天）：0（标准：14）");
  }

  @Test
  void shouldAskManagersToApproveAProposalPromisingServiceLevelsOutsideTheStandardRanges() {
    ProcessInstance pi = start();
    assertThat(task(DRAFT_PROPOSAL, pi)).isNotNull();
    Assertions.assertThat(taskService().getVariables(task(DRAFT_PROPOSAL, pi).getId()))
        .as("prefilled from the standard template").containsEntry(Vars.FIRST_RESPONSE_MINUTES, 5)
        .containsEntry(Vars.SATISFACTION_TARGET, "90");
    Map<String, Object> proposal = proposal("5000.00");
    proposal.put(Vars.SATISFACTION_TARGET, "99");
    completeTask(pi, DRAFT_PROPOSAL, proposal);

    assertThat(pi).isWaitingAt(APPROVE_PROPOSAL).variables().containsEntry("approvalReason", "客户满意度承诺高于 95%");
  }

  @Test
  void shouldKeepTheClausesOutOfTheProcessOnceRecordedAndReviseFromTheRecordedVersion() {
    ProcessInstance pi = draftingContract();
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    assertThat(pi).variables().doesNotContainKeys(Vars.FORUM_VENUE, Vars.DATA_CATEGORIES, Vars.TRIAL_DAYS,
            Vars.LATE_PAYMENT_RULE, Vars.DEPOSIT_HANDLING)
        .containsEntry(Vars.SIGNING_METHOD, "PAPER").containsEntry(Vars.DEPOSIT_REQUIRED, true)
        .containsEntry(Vars.DEPOSIT_AMOUNT, "5000.00");
    Assertions.assertThat(recordedClauses).containsEntry(Vars.FORUM_VENUE, "杭州仲裁委员会");

    // the revision starts from the recorded version (here changed behind the process's back)
    recordedClauses.put(Vars.FORUM_VENUE, "上海仲裁委员会");
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Assertions.assertThat(taskService().getVariables(task(REVISE_CLAUSES, pi).getId()))
        .containsEntry(Vars.FORUM_VENUE, "上海仲裁委员会").containsEntry(Vars.DEPOSIT_HANDLING, "SET_OFF");
  }

  @Test
  void shouldOfferTheCourtsOfTheConnectedPlacesRefuseAnotherAndWarnLegalOfAnIntermediateCourt() {
    UserTaskListener listener = new UserTaskListener(recorder, new VaguePhrases(List.of()), new LatePaymentCap(null));
    listener.setCourtVenues(SigningInputRulesTest.COURTS);
    Mocks.register("userTaskListener", listener);
    ProcessInstance pi = draftingContract();
    // the first draft knows the provider's domicile; the merchant's is typed into the same form
    Assertions.assertThat((String) taskService().getVariable(task(DRAFT_CONTRACT, pi).getId(), Vars.FORUM_VENUE_CHOICES))
        .contains("乙方住所地 浙江省杭州市西湖区，例如“杭州市西湖区人民法院”", "甲方住所地（填写「甲方主体·住所（营业执照登记地址）」后核对）");

    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.DISPUTE_FORUM, "LITIGATION");
    draft.put(Vars.FORUM_VENUE, "北京市朝阳区人民法院");
    assertThatThrownBy(() -> complete(task(DRAFT_CONTRACT, pi), draft))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「纠纷解决方式·仲裁委员会或人民法院名称」“北京市朝阳区人民法院”不在与本合同有实际联系的地点")
        .hasMessageContaining("甲方住所地 浙江省杭州市余杭区，例如“杭州市余杭区人民法院”");
    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
    verify(recorder, never()).taskCompleted(eq(DRAFT_CONTRACT), anyLong(), any(), any());

    // an intermediate court at a connected place: accepted, with a warning for legal in the next steps
    draft.put(Vars.FORUM_VENUE, "浙江省杭州市中级人民法院");
    completeTask(pi, DRAFT_CONTRACT, draft);
    Assertions.assertThat((String) taskService().getVariable(task(REVIEW_CLAUSES, pi).getId(), Vars.FORUM_VENUE_WARNING))
        .startsWith("约定的“浙江省杭州市中级人民法院”是中级人民法院");
    assertThat(pi).variables().doesNotContainKey(Vars.FORUM_VENUE_CHOICES);

    // the revision offers the courts of the recorded addresses; a basic court clears the warning
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Assertions.assertThat((String) taskService().getVariable(task(REVISE_CLAUSES, pi).getId(), Vars.FORUM_VENUE_CHOICES))
        .contains("甲方住所地 浙江省杭州市余杭区，例如“杭州市余杭区人民法院”", "合同签订地 浙江省杭州市西湖区");
    Map<String, Object> revision = new HashMap<>(taskService().getVariables(task(REVISE_CLAUSES, pi).getId()));
    revision.putAll(revision());
    revision.put(Vars.FORUM_VENUE, "杭州市余杭区人民法院");
    completeTask(pi, REVISE_CLAUSES, revision);
    Assertions.assertThat(taskService().getVariable(task(REVIEW_CLAUSES, pi).getId(), Vars.FORUM_VENUE_WARNING)).isNull();
  }

  @Test
  void shouldRecordTheDepositKindWithTheClausesRefuseADingjinOverTheCapAndReviseFromTheRecordedKind() {
    ProcessInstance pi = draftingContract();
    // the standard template prefills security: a 定金 is legal's explicit choice
    Assertions.assertThat(taskService().getVariables(task(DRAFT_CONTRACT, pi).getId()))
        .containsEntry(Vars.DEPOSIT_KIND, "PERFORMANCE_BOND");

    // per inquiry: an estimated 2,000 inquiries × 1.50 × 12 months = 36,000.00; 20 % = 7,200.00
    Map<String, Object> draft = contractDraft("PAPER", "7200.01", "DINGJIN");
    draft.put(Vars.UNIT_PRICE, "1.50");
    assertThatThrownBy(() -> complete(task(DRAFT_CONTRACT, pi), draft))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「费用与支付方式·定金或履约保证金金额（元）」定金 7,200.01 元超过上限")
        .hasMessageContaining("本合同标的额为 36,000.00 元（预计每月 2000 次咨询 × 1.50 元/次咨询 × 12 个月），定金最多 7,200.00 元");
    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
    verify(recorder, never()).taskCompleted(eq(DRAFT_CONTRACT), anyLong(), any(), any());

    draft.put(Vars.DEPOSIT_AMOUNT, "7200.00");
    completeTask(pi, DRAFT_CONTRACT, draft);
    Assertions.assertThat(recordedClauses).containsEntry(Vars.DEPOSIT_KIND, "DINGJIN")
        .containsEntry(Vars.ESTIMATED_MONTHLY_VOLUME, 2000L).containsEntry(Vars.DEPOSIT_AMOUNT, "7200.00");
    assertThat(pi).variables().doesNotContainKeys(Vars.DEPOSIT_KIND, Vars.ESTIMATED_MONTHLY_VOLUME);

    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Assertions.assertThat(taskService().getVariables(task(REVISE_CLAUSES, pi).getId()))
        .containsEntry(Vars.DEPOSIT_KIND, "DINGJIN").containsEntry(Vars.ESTIMATED_MONTHLY_VOLUME, 2000L);
  }

  @ParameterizedTest(name = "{0} at {1}: {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      ARBITRATION | 杭州市西湖区人民法院 | 须与所选方式一致
      LITIGATION  | 杭州仲裁委员会 | 须与所选方式一致
      ARBITRATION | 杭州仲裁委员会或杭州市西湖区人民法院 | 只能有一个
      ARBITRATION | 杭州某机构 | 须与所选方式一致
      MEDIATION   | 杭州仲裁委员会 | 争议解决机构
      LITIGATION  | 人民法院 | 须写明具体的人民法院名称
      LITIGATION  | 市人民法院 | 须写明具体的人民法院名称
      ARBITRATION | 仲裁委员会 | 须写明具体的仲裁委员会名称
      LITIGATION  | 乙方所在地人民法院 | 不能写“所在地”
      LITIGATION  | 有管辖权的人民法院 | 不能写“管辖权”
      """)
  void shouldRequireExactlyOneNamedDisputeForum(String forum, String venue, String problem) {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.DISPUTE_FORUM, forum);
    draft.put(Vars.FORUM_VENUE, venue);

    assertThatThrownBy(() -> complete(task(DRAFT_CONTRACT, pi), draft))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("纠纷解决方式").hasMessageContaining(problem);
    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
  }

  // ---------------------------------------------------------------- approval holds (issue #11)

  @Test
  void shouldSendTheDraftForReviewWithoutNewApprovalWhenLegalKeptTheApprovedValues() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.UNIT_PRICE, "6000"); // the same price, written differently
    completeTask(pi, DRAFT_CONTRACT, draft);

    assertThat(pi).isWaitingAt(REVIEW_CLAUSES).hasPassed("Gateway_ApprovalTermsChanged")
        .hasNotPassed(Elements.RECHECK_APPROVAL, APPROVE_CONTRACT_CHANGES);
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_TERMS_CHANGED, false).containsEntry(Vars.APPROVAL_CHANGES, null);
  }

  @Test
  void shouldNotAskManagersAgainForChangesTheApprovalDoesNotDependOn() {
    ProcessInstance pi = draftingContract();
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Map<String, Object> revision = revision();
    revision.put(Vars.FORUM_VENUE, "上海仲裁委员会");
    revision.put(Vars.SLA_FEE_REDUCTION_PERCENT, "8");
    revision.put(Vars.DEPOSIT_KIND, "DINGJIN");
    completeTask(pi, REVISE_CLAUSES, revision);

    assertThat(pi).isWaitingAt(REVIEW_CLAUSES).hasNotPassed(Elements.RECHECK_APPROVAL, APPROVE_CONTRACT_CHANGES);
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_TERMS_CHANGED, false);
  }

  @Test
  void shouldRunTheApprovalTableAgainOnAChangedValueAndGoOnWhenItNamesNoReason() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.UNIT_PRICE, "5800.00"); // still above the floor of 1.50 per inquiry
    completeTask(pi, DRAFT_CONTRACT, draft);

    assertThat(pi).isWaitingAt(REVIEW_CLAUSES).hasPassedInOrder("Gateway_ApprovalTermsChanged", Elements.RECHECK_APPROVAL,
        "Gateway_ReapprovalNeeded", "Gateway_ReviewRound").hasNotPassed(APPROVE_CONTRACT_CHANGES);
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_REASON, "")
        .containsEntry(Vars.APPROVAL_CHANGES, "【费用与支付方式】单价（元）：6000.00 → 5800.00");

    // the new price is now the approved one: a revision that keeps it needs no new check
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    completeTask(pi, REVISE_CLAUSES, revision());
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(Elements.RECHECK_APPROVAL).count()).isEqualTo(1);
  }

  @Test
  void shouldHoldAPriceLoweredBelowTheFloorForManagersBeforeTheMerchantSeesIt() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.UNIT_PRICE, "1.20");
    completeTask(pi, DRAFT_CONTRACT, draft);

    assertThat(pi).isWaitingAt(APPROVE_CONTRACT_CHANGES).hasNotPassed("ServiceTask_SendContractForReview");
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_REASON, "单价低于价格底线")
        .containsEntry(Vars.APPROVAL_TERMS_CHANGED, true)
        .containsEntry(Vars.APPROVAL_CHANGES, "【费用与支付方式】单价（元）：6000.00 → 1.20");
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers")
        .taskDefinitionKey(APPROVE_CONTRACT_CHANGES).count()).isEqualTo(1);
    verify(mailer, never()).send(eq(MerchantMail.CONTRACT_FOR_REVIEW), any(), any(), any(Object[].class));
    verify(recorder, never()).reviewRoundStarted(anyLong(), anyInt());
    assertThatThrownBy(() -> complete(task(APPROVE_CONTRACT_CHANGES, pi), vars(Vars.CHANGES_APPROVED, false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回意见");

    completeTask(pi, APPROVE_CONTRACT_CHANGES, changesApproval(true));

    assertThat(pi).isWaitingAt(REVIEW_CLAUSES).hasPassedInOrder(APPROVE_CONTRACT_CHANGES, "Gateway_ChangesApproved",
        "Gateway_ReviewRound", "ServiceTask_SendContractForReview");
    verify(mailer).send(eq(MerchantMail.CONTRACT_FOR_REVIEW), any(), any(), any(Object[].class));
  }

  @Test
  void shouldSendAChangeManagersRejectedBackToLegalAndAskAgainUntilItIsApprovedOrUndone() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.TERM_MONTHS, 36L);
    completeTask(pi, DRAFT_CONTRACT, draft);
    assertThat(pi).isWaitingAt(APPROVE_CONTRACT_CHANGES).variables()
        .containsEntry(Vars.APPROVAL_REASON, "合同期限超过 24 个月")
        .containsEntry(Vars.APPROVAL_CHANGES, "【合同期限与续签/解约】合同期限（月）：12 → 36");

    completeTask(pi, APPROVE_CONTRACT_CHANGES, changesApproval(false));
    assertThat(pi).isWaitingAt(REVISE_CLAUSES).hasNotPassed("ServiceTask_SendContractForReview");
    Assertions.assertThat(taskService().getVariables(task(REVISE_CLAUSES, pi).getId()))
        .as("legal reads why, and revises the recorded draft").containsEntry(Vars.CHANGES_APPROVAL_COMMENT, "期限超过 24 个月须附商家资信说明")
        .containsEntry(Vars.TERM_MONTHS, 36L);

    // kept unchanged, the rejected term is asked about again: the approval still covers 12 months only
    completeTask(pi, REVISE_CLAUSES, revision());
    assertThat(pi).isWaitingAt(APPROVE_CONTRACT_CHANGES).variables().containsEntry(Vars.CHANGES_APPROVED, null)
        .containsEntry(Vars.CHANGES_APPROVAL_COMMENT, null);
    completeTask(pi, APPROVE_CONTRACT_CHANGES, changesApproval(false));

    // back to the approved 12 months: nothing left to approve
    Map<String, Object> undone = revision();
    undone.put(Vars.TERM_MONTHS, 12L);
    completeTask(pi, REVISE_CLAUSES, undone);
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES).variables().containsEntry(Vars.APPROVAL_TERMS_CHANGED, false)
        .containsEntry(Vars.CHANGES_APPROVAL_COMMENT, null);
    verify(recorder).reviewRoundStarted(42L, 1);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(APPROVE_CONTRACT_CHANGES).count()).isEqualTo(2);
  }

  @Test
  void shouldAskAgainWhenASatisfactionPromiseLeavesTheStandardRangeInARevision() {
    ProcessInstance pi = draftingContract();
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Map<String, Object> revision = revision();
    revision.put(Vars.SATISFACTION_TARGET, "97");
    completeTask(pi, REVISE_CLAUSES, revision);

    assertThat(pi).isWaitingAt(APPROVE_CONTRACT_CHANGES).variables()
        .containsEntry(Vars.APPROVAL_REASON, "客户满意度承诺高于 95%")
        .containsEntry(Vars.APPROVAL_CHANGES, "【服务范围与标准】客户满意度目标（%）：90 → 97");
    completeTask(pi, APPROVE_CONTRACT_CHANGES, changesApproval(true));
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
    verify(recorder).reviewRoundStarted(42L, 2);
  }

  @Test
  void shouldFollowADepositWaivedInARevision() {
    useContract(BigDecimal.ZERO, SigningMethod.PAPER);
    ProcessInstance pi = draftingContract();
    completeTask(pi, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(false));
    Map<String, Object> revision = revision();
    revision.put(Vars.DEPOSIT_AMOUNT, "0");
    completeTask(pi, REVISE_CLAUSES, revision);
    // a waived deposit needs managers' approval (proposal-approval), also when legal waives it later
    assertThat(pi).variables().containsEntry(Vars.APPROVAL_REASON, "免收定金");
    completeTask(pi, APPROVE_CONTRACT_CHANGES, changesApproval(true));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(true));
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());

    assertThat(pi).isWaitingAt(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE)
        .hasNotPassed(Elements.AWAIT_DEPOSIT);
  }

  @Test
  void shouldAcceptLitigationAtANamedCourt() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.DISPUTE_FORUM, "LITIGATION");
    draft.put(Vars.FORUM_VENUE, "杭州市西湖区人民法院");

    completeTask(pi, DRAFT_CONTRACT, draft);
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
  }

  @Test
  void shouldRefuseAContractWithoutTheRequiredDataClauseItemsOrWithNumbersOutOfRange() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.DATA_CATEGORIES, "");
    draft.put(Vars.NO_SUB_ENTRUSTING, false);
    draft.put(Vars.FIRST_RESPONSE_MINUTES, 0L);
    draft.put(Vars.SATISFACTION_TARGET, "120");
    draft.put(Vars.DUTY_PRE_SALES, false);
    draft.put(Vars.DUTY_ORDER_CHECK, false);
    draft.put(Vars.DUTY_AFTER_SALES, false);
    draft.put(Vars.DUTY_REFUND, false);
    draft.put(Vars.EXTRA_FEES, "另行收取");
    draft.put(Vars.LATE_PAYMENT_RULE, "逾期的请尽快付款并协商处理");

    assertThatThrownBy(() -> complete(task(DRAFT_CONTRACT, pi), draft))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请填写「数据安全与保密·数据类别」")
        .hasMessageContaining("请确认「数据安全与保密·不向第三方披露，未经甲方同意不转委托」")
        .hasMessageContaining("「服务范围与标准·首次响应时效（分钟）」必须是 1 到 60 之间的整数")
        .hasMessageContaining("「服务范围与标准·客户满意度目标（%）」必须是 50 到 100 之间的百分数")
        .hasMessageContaining("「服务范围与标准·服务内容」请至少选择一项")
        .hasMessageContaining("「费用与支付方式·额外费用」须写“无”")
        .hasMessageContaining("「费用与支付方式·逾期付款规则」不够具体");
    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
    verify(recorder, never()).taskCompleted(eq(DRAFT_CONTRACT), anyLong(), any(), any());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      extraFees       | 其他费用另议 | 「费用与支付方式·额外费用」须写“无”
      extraFees       | 加班费每小时 50 元；其他费用另议 | “其他费用另议”没有写明金额（元）或比例（%）
      latePaymentRule | 每日按应付未付金额的 99% 支付违约金 | 每日违约金比例 99% 超过上限：每日不得超过 0.1%
      latePaymentRule | 每逾期一日按 0.05%，逾期超过 30 日的每日按 1% | 每日违约金比例 1% 超过上限
      latePaymentRule | 99% a day | 须写明每日违约金比例
      """)
  void shouldRefuseFeesLeftOpenAndExcessiveLatePaymentPenalties(String field, String value, String problem) {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(field, value);

    assertThatThrownBy(() -> complete(task(DRAFT_CONTRACT, pi), draft))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(problem);
    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
    verify(recorder, never()).taskCompleted(eq(DRAFT_CONTRACT), anyLong(), any(), any());
  }

  @Test
  void shouldAcceptNamedFeesWithAmountsAndALatePaymentRateAtTheCap() {
    ProcessInstance pi = draftingContract();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(Vars.EXTRA_FEES, "加班费每小时 50 元；节假日补贴为当日服务费的 100%\n培训费 2,000 元");
    draft.put(Vars.LATE_PAYMENT_RULE, "每逾期一日，按应付未付金额的 0.1% 支付违约金");

    completeTask(pi, DRAFT_CONTRACT, draft);
    assertThat(pi).isWaitingAt(REVIEW_CLAUSES);
  }

  @Test
  void shouldRequireACommentWhenTheMerchantAsksForARevision() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));

    assertThatThrownBy(() -> complete(task(CONFIRM_PROPOSAL, pi), vars(Vars.PROPOSAL_DECISION, "REVISION_REQUESTED")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("修改意见");
    assertThatThrownBy(() -> complete(task(CONFIRM_PROPOSAL, pi), vars(Vars.PROPOSAL_DECISION, "MAYBE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("商家答复");
    assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL);
  }

  @Test
  void shouldRefuseACountersignedCopyReceivedBeforeOurSeal() {
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    Map<String, Object> received = countersignedCopyReceived();
    received.put(Vars.COUNTERSIGNED_RECEIVED_DATE, Clocks.today().minusDays(30).toString());

    assertThatThrownBy(() -> complete(task(RECEIVE_COUNTERSIGNED_CONTRACT, pi), received))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能早于我方盖章日期");
    assertThat(pi).isWaitingAt(RECEIVE_COUNTERSIGNED_CONTRACT);
  }

  @Test
  void shouldRecordTheMerchantsSealDateOnlyBetweenOurSealAndTheCopysArrival() {
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    Map<String, Object> received = countersignedCopyReceived();
    received.put(Vars.MERCHANT_SEALED_DATE, com.bpocontractflow.common.Clocks.today().plusDays(1).toString());

    assertThatThrownBy(() -> complete(task(RECEIVE_COUNTERSIGNED_CONTRACT, pi), received))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("输入有误：「商家盖章日期」不能晚于今天");
    assertThat(pi).isWaitingAt(RECEIVE_COUNTERSIGNED_CONTRACT);
    verify(recorder, never()).taskCompleted(eq(RECEIVE_COUNTERSIGNED_CONTRACT), anyLong(), any(), any());

    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());
    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT).variables()
        .containsEntry(Vars.MERCHANT_SEALED_DATE, com.bpocontractflow.common.Clocks.today().minusDays(1).toString());
    verify(recorder).taskCompleted(eq(RECEIVE_COUNTERSIGNED_CONTRACT), eq(42L), any(), any());
  }

  @Test
  void shouldRefuseAMerchantSignedMessageWithoutSigner() {
    useContract(new BigDecimal("3000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = agreeOnContract("ELECTRONIC", "3000.00");

    assertThatThrownBy(() -> correlate(pi, Messages.MERCHANT_SIGNED, vars()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("签署人姓名");
    assertThat(pi).isWaitingAt(Elements.AWAIT_MERCHANT_SIGNATURE);
  }

  @Test
  void shouldRefuseSignatureEvidenceThatDoesNotFitItsColumns() {
    useContract(new BigDecimal("3000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = agreeOnContract("ELECTRONIC", "3000.00");

    assertThatThrownBy(() -> correlate(pi, Messages.MERCHANT_SIGNED,
        vars(Vars.SIGNER_NAME, "王小明", Vars.SIGNER_IP, "1".repeat(65), Vars.SIGNED_DOCUMENT_SHA256, "<img src=x>")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「签署人 IP 地址（signerIp）」不能超过 64 个字")
        .hasMessageContaining("「签署文件的 SHA-256（signedDocumentSha256）」必须是 64 位十六进制数");
    assertThat(pi).isWaitingAt(Elements.AWAIT_MERCHANT_SIGNATURE);
    verify(contracts, never()).update(anyLong(), argThat(columns -> columns.containsKey("merchant_signer_name")));
  }


  @ParameterizedTest
  @EnumSource(WaitingFor.class)
  void shouldRemindTheMerchantAtMostMaxTimesThenEscalateToManagers(WaitingFor waitingFor) {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY)
        .businessKey(NUMBER)
        .startBeforeActivity(waitingFor.hostActivityId())
        .setVariables(contextVariables())
        .execute();

    List<Integer> reminderNumbers = new ArrayList<>();
    for (int i = 0; i < TIMERS.reminderMaxCount(); i++) {
      Job reminder = reminderJob(pi, waitingFor);
      Assertions.assertThat(reminder).as("reminder %d", i + 1).isNotNull();
      ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
      execute(reminder);
    }
    Assertions.assertThat(reminderJob(pi, waitingFor)).as("no reminder after the last one").isNull();

    ArgumentCaptor<Map<String, Object>> models = mapCaptor();
    verify(mailer, times(3)).send(eq(MerchantMail.REMINDER), any(), models.capture(), any(Object[].class));
    for (Map<String, Object> model : models.getAllValues()) {
      reminderNumbers.add((Integer) model.get("reminderNumber"));
      Assertions.assertThat(model.get("waitingFor")).isEqualTo(waitingFor.name());
      Assertions.assertThat((String) model.get("deadline")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
    }
    Assertions.assertThat(reminderNumbers).containsExactly(1, 2, 3);

    Job escalation = job(waitingFor.escalationTimerId(), pi);
    Assertions.assertThat(escalation.getDuedate())
        .isCloseTo(new Date(escalationStart(pi, waitingFor).getTime() + Duration.ofDays(7).toMillis()), 5000);
    execute(escalation);

    String escalationTask = escalationTaskOf(waitingFor);
    assertThat(pi).isWaitingAt(escalationTask, waitingFor.hostActivityId().equals(Elements.AWAIT_DEPOSIT)
        ? CONFIRM_DEPOSIT : waitingFor.hostActivityId());
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers")
        .taskDefinitionKey(escalationTask).count()).isEqualTo(1);
    Assertions.assertThat(task(escalationTask, pi).getDescription()).contains(NUMBER);

    completeTask(pi, escalationTask, escalationHandled());
    assertThat(pi).hasPassed("EndEvent_" + escalationKey(waitingFor) + "Escalated");
  }

  /**
   * #16 item 4: after an outage a wait gets one reminder, not one per missed cycle. The engine schedules a
   * cycle's next timer at the first occurrence still ahead of the clock, so the missed ones are skipped.
   */
  @Test
  void shouldSendOneReminderNotABurstAfterAnOutage() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    Job first = reminderJob(pi, WaitingFor.PROPOSAL_ANSWER);
    // nothing ran the jobs for four days: the first and the second reminder (after 2 and 4 days) were missed
    ClockUtil.setCurrentTime(new Date(first.getDuedate().getTime() + Duration.ofDays(2).toMillis() + 60_000));
    execute(first);

    Job next = reminderJob(pi, WaitingFor.PROPOSAL_ANSWER);
    Assertions.assertThat(next.getDuedate()).as("the third, still ahead; the missed second is not run")
        .isCloseTo(new Date(first.getDuedate().getTime() + Duration.ofDays(4).toMillis()), 1000);
    verify(mailer, times(1)).send(eq(MerchantMail.REMINDER), any(), any(), any(Object[].class));

    // down again past the end of the schedule: the late one is the last
    ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + Duration.ofHours(12).toMillis()));
    execute(next);
    Assertions.assertThat(reminderJob(pi, WaitingFor.PROPOSAL_ANSWER)).isNull();
    verify(mailer, times(2)).send(eq(MerchantMail.REMINDER), any(), any(), any(Object[].class));
    assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL);
  }

  /**
   * Issue #17: the quote is an offer with a fixed period for acceptance (Civil Code arts. 476, 481). It is
   * stored when the proposal is sent, valid 14 calendar days (to the end of the day, Beijing); the answer
   * link follows it; unanswered by then, the wait ends and sales quotes again in draft-proposal.
   */
  @Test
  void shouldStoreTheQuoteWhenSendingAndSendItBackToSalesWhenItExpiresUnanswered() {
    // 1 December 2026, 23:30 in Beijing (15:30 UTC): the validity counts Beijing days, not the JVM's
    ClockUtil.setCurrentTime(Date.from(java.time.ZonedDateTime.of(2026, 12, 1, 23, 30, 0, 0, Clocks.ZONE).toInstant()));
    ProcessInstance pi = start();
    assertThat(pi).variables().containsEntry(Vars.SERVICE_HOURS, "EXTENDED").containsEntry(Vars.HOLIDAY_COVERAGE, true)
        .containsEntry("peakSeatsDouble11", 3L);
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));

    assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL).variables()
        .containsEntry(Vars.QUOTE_VALID_UNTIL, "2026-12-15")
        .containsEntry(Vars.QUOTE_EXPIRES_AT, "2026-12-16T00:00:00+08:00");
    Quote stored = Quote.fromJson((String) runtimeService().getVariable(pi.getId(), Vars.QUOTE));
    Assertions.assertThat(stored.monthlyTotal()).isEqualByComparingTo("360001000.00"); // 2,000 × 30 × 6,000 + 1,000
    Assertions.assertThat(stored.peakTotal()).isEqualByComparingTo("15000.00"); // (3 + 2) × 3,000
    // the e-mail shows the stored quote and its link expires with it
    ArgumentCaptor<Map<String, Object>> models = mapCaptor();
    verify(mailer).send(eq(MerchantMail.PROPOSAL), any(), models.capture(), any(Object[].class));
    Assertions.assertThat(models.getValue()).containsEntry("quoteValidUntil", "2026年12月15日")
        .containsEntry("quoteMonthlyTotal", "360,001,000.00").containsEntry("quotePeakTotal", "15,000.00");
    verify(answerLinks).model(eq(42L), eq(pi.getId()), eq(com.bpocontractflow.merchant.MerchantStep.PROPOSAL_ANSWER),
        eq(1), eq(java.time.OffsetDateTime.parse("2026-12-16T00:00:00+08:00")));

    Job expiry = job("BoundaryEvent_QuoteExpired", pi);
    Assertions.assertThat(expiry.getDuedate().toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse("2026-12-16T00:00:00+08:00").toInstant());
    ClockUtil.setCurrentTime(new Date(expiry.getDuedate().getTime() + 1000));
    execute(expiry);

    assertThat(pi).hasPassed("ServiceTask_QuoteExpired").isWaitingAt(DRAFT_PROPOSAL).variables()
        .containsEntry(Vars.QUOTE_EXPIRED_ON, "2026-12-15");
    verify(contracts).updateStatus(42L, com.bpocontractflow.contract.ContractStatus.PROPOSAL_REVISION);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CONFIRM_PROPOSAL)
        .count()).isZero();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_ProposalAnswerReminderDue").count()).as("the wait's reminders end").isZero();

    // the new quote counts from the day it is sent, and the expiry note goes
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    assertThat(pi).isWaitingAt(CONFIRM_PROPOSAL).variables().containsEntry(Vars.PROPOSAL_ROUND, 2)
        .containsEntry(Vars.QUOTE_VALID_UNTIL, "2026-12-30").doesNotContainKey(Vars.QUOTE_EXPIRED_ON);
    verify(mailer, times(2)).send(eq(MerchantMail.PROPOSAL), any(), any(), any(Object[].class));
  }

  /** The proposal's holiday cover and extra fees become legal's starting point; none named: the template's 无. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"''| 无", "加班费每小时 50 元 | 加班费每小时 50 元"})
  void shouldCarryTheProposalsHolidayCoverAndExtraFeesIntoTheContractDraft(String proposed, String drafted) {
    ProcessInstance pi = start();
    Map<String, Object> proposal = proposal("5000.00");
    proposal.put(Vars.EXTRA_FEES, proposed);
    proposal.put(Vars.HOLIDAY_COVERAGE, false);
    completeTask(pi, DRAFT_PROPOSAL, proposal);
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));

    assertThat(pi).isWaitingAt(DRAFT_CONTRACT);
    Assertions.assertThat(taskService().getVariablesLocal(task(DRAFT_CONTRACT, pi).getId()))
        .containsEntry(Vars.EXTRA_FEES, drafted).containsEntry(Vars.HOLIDAY_COVERAGE, false);
  }

  @Test
  void shouldRefuseAValidityOtherThanOneToNinetyCalendarDays() {
    for (java.time.Period validity : List.of(java.time.Period.ZERO, java.time.Period.ofDays(91),
        java.time.Period.ofMonths(1))) {
      assertThatThrownBy(() -> new ProposalProperties(validity)).as("%s", validity)
          .hasMessageContaining("bpo.proposal.validity");
    }
  }

  @Test
  void shouldStartANewReminderCountForEachProposalRound() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    execute(reminderJob(pi, WaitingFor.PROPOSAL_ANSWER));
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(3).toMillis()));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("REVISION_REQUESTED"));
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    execute(reminderJob(pi, WaitingFor.PROPOSAL_ANSWER));

    ArgumentCaptor<Map<String, Object>> models = mapCaptor();
    verify(mailer, times(2)).send(eq(MerchantMail.REMINDER), any(), models.capture(), any(Object[].class));
    Assertions.assertThat(models.getAllValues()).extracting(m -> m.get("reminderNumber")).containsExactly(1, 1);
  }

  /**
   * Issue #12: the reminder number and the deadline come from one statement ({@link MerchantReminderDelegate.WaitState})
   * instead of two history queries and a job query. Reminders 1, 2, 3 in one wait, then 1, 2 after a loop back
   * to the same wait (a new quote); in every state the new reading equals what the engine's queries gave.
   */
  @Test
  void shouldCountTheRemindersOfEachWaitAsTheEngineHistoryDoes() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    assertWaitStateAsByTheEngineQueries(pi, WaitingFor.PROPOSAL_ANSWER, 0);
    for (int i = 0; i < 3; i++) {
      Job reminder = reminderJob(pi, WaitingFor.PROPOSAL_ANSWER);
      ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
      execute(reminder);
      assertWaitStateAsByTheEngineQueries(pi, WaitingFor.PROPOSAL_ANSWER, i + 1);
    }
    // a loop back to the same wait, an hour later: a new count
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(1).toMillis()));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("REVISION_REQUESTED"));
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    assertWaitStateAsByTheEngineQueries(pi, WaitingFor.PROPOSAL_ANSWER, 0);
    for (int i = 0; i < 2; i++) {
      Job reminder = reminderJob(pi, WaitingFor.PROPOSAL_ANSWER);
      ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
      execute(reminder);
      assertWaitStateAsByTheEngineQueries(pi, WaitingFor.PROPOSAL_ANSWER, i + 1);
    }
    // the escalation timer fired: no deadline any more, the count stays
    execute(job(WaitingFor.PROPOSAL_ANSWER.escalationTimerId(), pi));
    assertWaitStateAsByTheEngineQueries(pi, WaitingFor.PROPOSAL_ANSWER, 2);

    ArgumentCaptor<Map<String, Object>> models = mapCaptor();
    verify(mailer, times(5)).send(eq(MerchantMail.REMINDER), any(), models.capture(), any(Object[].class));
    Assertions.assertThat(models.getAllValues()).extracting(m -> m.get("reminderNumber"))
        .containsExactly(1, 2, 3, 1, 2);
    Assertions.assertThat(models.getAllValues()).extracting(m -> (String) m.get("deadline"))
        .allMatch(deadline -> deadline.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"));
  }

  /**
   * Issue #12: a wait of a sub-process (the deposit) counts like the others, and a wait that had reminders
   * before a process instance migration (deployment/ModelMigration, history kept) goes on counting after it.
   * The count keeps no state of its own, so a wait started before this change (its reminders sent by the
   * previous code, which wrote the same history) needs nothing either: the second reminder here is the
   * first the new version of the model sends in a wait started on the old one.
   */
  @Test
  void shouldGoOnCountingAfterAMigrationToANewVersion() {
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(ContractSigningProcess.KEY).businessKey(NUMBER)
        .startBeforeActivity(WaitingFor.DEPOSIT.hostActivityId()).setVariables(contextVariables()).execute();
    execute(reminderJob(pi, WaitingFor.DEPOSIT));
    String previous = runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getProcessDefinitionId();
    org.camunda.bpm.engine.RepositoryService repository = engine.getProcessEngine().getRepositoryService();
    String next = repository.createDeployment().name("reminder-count-next-version")
        .addClasspathResource(ContractSigningProcess.RESOURCE).deploy().getId();
    try {
      Assertions.assertThat(new com.bpocontractflow.deployment.ModelMigration(engine.getProcessEngine())
          .migrate(ContractSigningProcess.KEY)).singleElement()
          .satisfies(result -> Assertions.assertThat(result.migrated()).containsExactly(pi.getId()));
      Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getProcessDefinitionId()).isNotEqualTo(previous);
      assertWaitStateAsByTheEngineQueries(pi, WaitingFor.DEPOSIT, 1);

      Job second = reminderJob(pi, WaitingFor.DEPOSIT);
      ClockUtil.setCurrentTime(new Date(second.getDuedate().getTime() + 1000));
      execute(second);
      assertWaitStateAsByTheEngineQueries(pi, WaitingFor.DEPOSIT, 2);
      ArgumentCaptor<Map<String, Object>> models = mapCaptor();
      verify(mailer, times(2)).send(eq(MerchantMail.REMINDER), any(), models.capture(), any(Object[].class));
      Assertions.assertThat(models.getAllValues()).extracting(m -> m.get("reminderNumber")).containsExactly(1, 2);
    } finally {
      runtimeService().deleteProcessInstance(pi.getId(), "test over");
      repository.deleteDeployment(next, true);
    }
  }

  /**
   * Reads {@link MerchantReminderDelegate.WaitState} in a command, as the reminder does, and checks it against
   * the engine's queries the reminder used before issue #12 (and against the expected count).
   */
  void assertWaitStateAsByTheEngineQueries(ProcessInstance pi, WaitingFor waitingFor, int expectedReminders) {
    MerchantReminderDelegate.WaitState state = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngine().getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> MerchantReminderDelegate.WaitState.of(pi.getId(), waitingFor, "none"));
    Date waitStarted = historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.hostActivityId()).unfinished().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getStartTime)
        .max(java.util.Comparator.naturalOrder()).orElse(new Date(0));
    long byHistory = historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.reminderTaskId()).startedAfter(new Date(waitStarted.getTime() - 1)).count();
    Job escalation = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.escalationTimerId()).singleResult();
    Assertions.assertThat(state.previousReminders()).as("reminders sent in this wait")
        .isEqualTo(byHistory).isEqualTo(expectedReminders);
    Assertions.assertThat(state.escalationDue()).as("the escalation timer's due date")
        .isEqualTo(escalation == null ? null : escalation.getDuedate());
  }

  @Test
  void shouldTellManagersWhenTheFourteenDayTargetIsPassed() {
    ProcessInstance pi = start();
    Job target = targetJob(pi, Elements.SIGNING_TARGET_MISSED);
    Assertions.assertThat(target.getDuedate())
        .isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(14).toMillis()), 60_000);

    execute(target);

    assertThat(pi).isWaitingAt(DRAFT_PROPOSAL, REVIEW_OVERDUE_SIGNING);
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers")
        .taskDefinitionKey(REVIEW_OVERDUE_SIGNING).count()).isEqualTo(1);
    completeTask(pi, REVIEW_OVERDUE_SIGNING, escalationHandled());
    assertThat(pi).hasPassed("EndEvent_OverdueSigningHandled").isWaitingAt(DRAFT_PROPOSAL);
  }

  @Test
  void shouldCallTheServiceTermWithTheBusinessKeyAndEndWithIt() {
    ProcessInstance pi = goLiveElectronically();

    assertThat(pi).isWaitingAt(Elements.SERVICE_TERM);
    ProcessInstance term = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    Assertions.assertThat(term.getBusinessKey()).isEqualTo(NUMBER);
    Assertions.assertThat(term.getProcessDefinitionId()).startsWith("contract-term:");
    assertThat(term).variables().containsEntry(Vars.CONTRACT_ID, 42L).containsEntry(Vars.CONTRACT_NUMBER, NUMBER)
        .doesNotContainKey(Vars.UNIT_PRICE);

    runtimeService().signal(runtimeService().createExecutionQuery().processInstanceId(term.getId())
        .activityId("ReceiveTask_StubTermRunning").singleResult().getId());
    assertThat(pi).isEnded().hasPassed(Elements.END_CONTRACT_ENDED);
    // an electronic contract has no paper original to archive
    assertThat(pi).hasPassed("EndEvent_NoPaperOriginal").hasNotPassed(ARCHIVE_CONTRACT_ORIGINAL);
  }

  static Date shanghai(int month, int day, int hour) {
    return Date.from(java.time.ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, Clocks.ZONE).toInstant());
  }

  /**
   * #17: a paper contract's sealed original is archived beside onboarding, delaying neither the deposit nor
   * go-live; the task needs the scan uploaded on the staff page first, is due in 5 working days and then goes
   * to managers too.
   */
  @Test
  void shouldArchiveThePaperOriginalBesideOnboardingOnlyOnceItsScanIsUploaded() {
    ClockUtil.setCurrentTime(shanghai(12, 1, 10)); // a Tuesday
    ProcessInstance pi = agreeOnContract("PAPER", "5000.00");
    completeTask(pi, SEAL_CONTRACT, seal());
    completeTask(pi, COURIER_CONTRACT, courier());
    completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());

    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
    Task archive = task(ARCHIVE_CONTRACT_ORIGINAL, pi);
    // P5D: the application counts 5 working days (calendar/WorkingDayTimers); the engine tests' calendar, clock days
    assertThat(archive).hasCandidateGroup("legal").hasDueDate(shanghai(12, 6, 10));
    Assertions.assertThat(taskService().getVariable(archive.getId(), Vars.ORIGINAL_SCAN_PAGE))
        .isEqualTo("/staff/contracts/" + NUMBER + "/original-scan");

    // no scan uploaded yet: refused, nothing recorded
    assertThatThrownBy(() -> complete(archive, vars(Vars.ARCHIVE_LOCATION, "法务部档案柜 B-3")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「合同原件·盖章原件扫描件」尚未上传：请先打开上传页面上传盖章原件的扫描件");
    assertThat(pi).isWaitingAt(ARCHIVE_CONTRACT_ORIGINAL);

    // the deposit and onboarding go on to go-live while the archive task is open
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-20261201-001"));
    onboardAndGoLive(pi);
    assertThat(pi).isWaitingAt(Elements.SERVICE_TERM, ARCHIVE_CONTRACT_ORIGINAL);

    // not archived when due: managers are asked too, due 2 working days later
    Job overdue = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_ArchiveOverdue").singleResult();
    Assertions.assertThat(overdue.getDuedate()).isEqualTo(shanghai(12, 6, 10));
    ClockUtil.setCurrentTime(overdue.getDuedate());
    execute(overdue);
    assertThat(task(ESCALATE_ARCHIVE_ORIGINAL, pi)).hasCandidateGroup("managers").hasDueDate(shanghai(12, 8, 10));
    completeTask(pi, ESCALATE_ARCHIVE_ORIGINAL, vars("escalationAction", "已督促法务本周内归档"));

    // the upload page set the scan's hash: the task completes and records where the original is kept
    runtimeService().setVariable(pi.getId(), Vars.ORIGINAL_SCAN_SHA256, "ab".repeat(32));
    assertThatThrownBy(() -> complete(task(ARCHIVE_CONTRACT_ORIGINAL, pi), vars(Vars.ARCHIVE_LOCATION, " ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写「合同原件·存放位置（档案盒编号和位置）」");
    completeTask(pi, ARCHIVE_CONTRACT_ORIGINAL, vars(Vars.ARCHIVE_LOCATION, "法务部档案柜 B-3，2026-12 号档案盒"));
    assertThat(pi).hasPassed("EndEvent_OriginalArchived", "EndEvent_ArchiveEscalated").isWaitingAt(Elements.SERVICE_TERM);
    // the listener that records the location (ContractOriginals, tested with its table in OriginalScanPageTest)
    verify(originals, atLeastOnce()).archived(argThat(task -> task.getTaskDefinitionKey().equals(ARCHIVE_CONTRACT_ORIGINAL)));
  }

  /**
   * #14 item 7: the signing target measures the signing, from the request to both signatures: its timer
   * exists from the request, survives the first signature and is gone with the second, when the go-live
   * target's starts.
   */
  @ParameterizedTest
  @EnumSource(SigningMethod.class)
  void shouldRunTheSigningTargetFromTheRequestUntilBothPartiesHaveSigned(SigningMethod method) {
    useContract(new BigDecimal("5000.00"), method);
    Date requested = ClockUtil.getCurrentTime();
    ProcessInstance pi = start();
    Assertions.assertThat(targetJob(pi, Elements.SIGNING_TARGET_MISSED).getDuedate())
        .isCloseTo(new Date(requested.getTime() + TIMERS.target().toMillis()), 60_000);
    Assertions.assertThat(targetJob(pi, Elements.GO_LIVE_TARGET_MISSED)).isNull();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    completeTask(pi, DRAFT_CONTRACT, contractDraft(method.name(), "5000.00"));
    completeTask(pi, REVIEW_CLAUSES, clauseReview(true));

    if (method == SigningMethod.PAPER) {
      completeTask(pi, SEAL_CONTRACT, seal());
      completeTask(pi, COURIER_CONTRACT, courier());
      Assertions.assertThat(targetJob(pi, Elements.SIGNING_TARGET_MISSED)).as("after our seal").isNotNull();
      ClockUtil.setCurrentTime(new Date(requested.getTime() + Duration.ofDays(3).toMillis()));
      completeTask(pi, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());
    } else {
      correlate(pi, Messages.MERCHANT_SIGNED, vars(Vars.SIGNER_NAME, "王小明"));
      Assertions.assertThat(targetJob(pi, Elements.SIGNING_TARGET_MISSED)).as("after the merchant's signature")
          .isNotNull();
      ClockUtil.setCurrentTime(new Date(requested.getTime() + Duration.ofDays(3).toMillis()));
      completeTask(pi, COUNTERSIGN_CONTRACT, countersign());
    }

    assertThat(pi).hasPassed(Elements.END_CONTRACT_FORMED).isWaitingAt(CONFIRM_DEPOSIT);
    Assertions.assertThat(targetJob(pi, Elements.SIGNING_TARGET_MISSED)).as("formed: no signing target").isNull();
    Assertions.assertThat(targetJob(pi, Elements.GO_LIVE_TARGET_MISSED).getDuedate()).as("from formation")
        .isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + GO_LIVE_TARGET.target().toMillis()), 60_000);
  }

  @Test
  void shouldEscalateASlowGoLiveToManagersAndNotTheSigningSignedInTime() {
    useContract(new BigDecimal("5000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = agreeOnContract("ELECTRONIC", "5000.00");
    correlate(pi, Messages.MERCHANT_SIGNED, vars(Vars.SIGNER_NAME, "王小明"));
    completeTask(pi, COUNTERSIGN_CONTRACT, countersign());
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-20261126-043"));
    completeTask(pi, CONDUCT_TRAINING, training());

    Job goLive = targetJob(pi, Elements.GO_LIVE_TARGET_MISSED);
    ClockUtil.setCurrentTime(new Date(goLive.getDuedate().getTime() + 1000));
    execute(goLive);

    assertThat(pi).isWaitingAt(REVIEW_OVERDUE_GO_LIVE, ASSESS_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE)
        .hasNotPassed(REVIEW_OVERDUE_SIGNING);
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers")
        .taskDefinitionKey(REVIEW_OVERDUE_GO_LIVE).count()).isEqualTo(1);
    Assertions.assertThat(task(REVIEW_OVERDUE_GO_LIVE, pi).getDescription()).contains(NUMBER);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.SIGNING_TARGET_MISSED).count()).isZero();
    assertThatThrownBy(() -> complete(task(REVIEW_OVERDUE_GO_LIVE, pi), vars(Vars.ESCALATION_ACTION, " ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("处理措施");

    completeTask(pi, REVIEW_OVERDUE_GO_LIVE, escalationHandled());
    assertThat(pi).hasPassed("EndEvent_OverdueGoLiveHandled");
    completeTask(pi, ASSESS_TRAINING, assessment(true));
    completeTask(pi, AUTHORIZE_SUBACCOUNTS, subaccounts());
    completeTask(pi, CONFIGURE_CS_SOFTWARE, software());
    completeTask(pi, APPROVE_GO_LIVE, goLive());
    assertThat(pi).hasPassed(Elements.END_GO_LIVE_APPROVED).isWaitingAt(Elements.SERVICE_TERM);
    Assertions.assertThat(targetJob(pi, Elements.GO_LIVE_TARGET_MISSED)).isNull();
  }

  @Test
  void shouldNotEscalateEitherTargetOfAContractSignedAndLiveInTime() {
    ProcessInstance pi = goLiveElectronically();

    assertThat(pi).hasPassed(Elements.END_CONTRACT_FORMED, Elements.END_GO_LIVE_APPROVED)
        .hasNotPassed(REVIEW_OVERDUE_SIGNING, REVIEW_OVERDUE_GO_LIVE).isWaitingAt(Elements.SERVICE_TERM);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  /**
   * Formation ends the signing scope and whatever is still open in it: an escalation of a wait that is
   * over does not hold the contract back. The managers' review of the overdue signing stays theirs.
   */
  @Test
  void shouldEndOpenSigningEscalationsAtFormationAndKeepTheOverdueReview() {
    useContract(new BigDecimal("5000.00"), SigningMethod.ELECTRONIC);
    ProcessInstance pi = agreeOnContract("ELECTRONIC", "5000.00");
    execute(job(WaitingFor.E_SIGNATURE.escalationTimerId(), pi));
    execute(targetJob(pi, Elements.SIGNING_TARGET_MISSED));
    assertThat(pi).isWaitingAt(ESCALATE_E_SIGNATURE, REVIEW_OVERDUE_SIGNING, Elements.AWAIT_MERCHANT_SIGNATURE);

    correlate(pi, Messages.MERCHANT_SIGNED, vars(Vars.SIGNER_NAME, "王小明"));
    completeTask(pi, COUNTERSIGN_CONTRACT, countersign());

    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT, REVIEW_OVERDUE_SIGNING).isNotWaitingAt(ESCALATE_E_SIGNATURE);
    Assertions.assertThat(targetJob(pi, Elements.GO_LIVE_TARGET_MISSED)).isNotNull();
    completeTask(pi, REVIEW_OVERDUE_SIGNING, escalationHandled());
    assertThat(pi).hasPassed("EndEvent_OverdueSigningHandled").isWaitingAt(CONFIRM_DEPOSIT);
  }

  /** Go-live approval likewise ends an open escalation of the deposit wait. */
  @Test
  void shouldEndAnOpenDepositEscalationAtGoLiveApproval() {
    ProcessInstance pi = waitingForDeposit();
    execute(job(WaitingFor.DEPOSIT.escalationTimerId(), pi));
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-20261126-044"));
    assertThat(pi).isWaitingAt(ESCALATE_DEPOSIT, CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);

    onboardAndGoLive(pi);

    assertThat(pi).isWaitingAt(Elements.SERVICE_TERM).isNotWaitingAt(ESCALATE_DEPOSIT);
    // only the paper original's archive is left: it runs beside onboarding (#17)
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly(ARCHIVE_CONTRACT_ORIGINAL);
  }

  Job targetJob(ProcessInstance pi, String timerId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(timerId).singleResult();
  }

  @Test
  void shouldCancelRemindersWhenTheMerchantAnswers() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    Assertions.assertThat(reminderJob(pi, WaitingFor.PROPOSAL_ANSWER)).isNotNull();

    completeTask(pi, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));

    Assertions.assertThat(reminderJob(pi, WaitingFor.PROPOSAL_ANSWER)).isNull();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(WaitingFor.PROPOSAL_ANSWER.escalationTimerId()).count()).isZero();
  }

  Date escalationStart(ProcessInstance pi, WaitingFor waitingFor) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.hostActivityId()).singleResult().getStartTime();
  }

  Job reminderJob(ProcessInstance pi, WaitingFor waitingFor) {
    return managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(waitingFor.reminderTimerId()).singleResult();
  }

  static String escalationTaskOf(WaitingFor waitingFor) {
    return switch (waitingFor) {
      case PROPOSAL_ANSWER -> ESCALATE_PROPOSAL_ANSWER;
      case CLAUSE_FEEDBACK -> ESCALATE_CLAUSE_FEEDBACK;
      case E_SIGNATURE -> ESCALATE_E_SIGNATURE;
      case COUNTERSIGNED_COPY -> ESCALATE_COUNTERSIGNED_COPY;
      case DEPOSIT -> ESCALATE_DEPOSIT;
    };
  }

  static String escalationKey(WaitingFor waitingFor) {
    return waitingFor.escalationTimerId().replace("BoundaryEvent_", "").replace("EscalationDue", "");
  }

  @Test
  void shouldMailTheOnboardingChecklistOnlyOnceTheDepositIsPaidInFull() {
    ProcessInstance pi = waitingForDeposit();
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("2000.00", "PAY-OB-1"));
    assertThat(pi).isWaitingAt(CONFIRM_DEPOSIT).hasNotPassed(Elements.SEND_ONBOARDING_CHECKLIST);
    verify(mailer, never()).send(eq(MerchantMail.ONBOARDING_CHECKLIST), any(), any(), any(Object[].class));

    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("3000.00", "PAY-OB-2"));

    assertThat(pi).hasPassedInOrder("ServiceTask_RecordDepositPayment", Elements.SEND_ONBOARDING_CHECKLIST)
        .isWaitingAt(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);
    verify(links).createChecklistLink(42L, pi.getId());
    ArgumentCaptor<Map<String, Object>> model = mapCaptor();
    verify(mailer).send(eq(MerchantMail.ONBOARDING_CHECKLIST), any(), model.capture(), any(Object[].class));
    Assertions.assertThat(model.getValue())
        .containsEntry("checklistLink", "https://bpo.example.com/m/checklist-token/onboarding")
        .containsEntry("checklistLinkExpires", "2036年12月1日")
        .containsEntry("checklistItems", List.of(com.bpocontractflow.onboarding.ChecklistItem.values()));
  }

  @Test
  void shouldShowTheMerchantsChecklistInEveryOnboardingTaskAndGiveThemDueDates() {
    ClockUtil.setCurrentTime(Date.from(java.time.ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, Clocks.ZONE).toInstant()));
    ProcessInstance pi = waitingForDeposit();
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-OB-3"));

    Map<String, Integer> dueDays = Map.of(CONDUCT_TRAINING, 5, AUTHORIZE_SUBACCOUNTS, 5, CONFIGURE_CS_SOFTWARE, 5);
    dueDays.forEach((key, days) -> {
      Task task = task(key, pi);
      Assertions.assertThat(taskService().getVariableLocal(task.getId(), Vars.MERCHANT_PROVISIONS))
          .as(key).isEqualTo("【已提供】商品资料：已发至培训邮箱");
      // P<n>D: working days in the application (calendar/WorkingDayTimers); whole days in this bare engine
      Assertions.assertThat(task.getDueDate()).as(key)
          .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
    });
    // a later task shows the answers as they stand when it is created
    when(checklist.summary(anyLong())).thenReturn("【已提供】千牛子账号授权：已开通 5 个");
    completeTask(pi, CONDUCT_TRAINING, training());
    Assertions.assertThat(taskService().getVariableLocal(task(ASSESS_TRAINING, pi).getId(), Vars.MERCHANT_PROVISIONS))
        .isEqualTo("【已提供】千牛子账号授权：已开通 5 个");
    completeTask(pi, ASSESS_TRAINING, assessment(true));
    completeTask(pi, AUTHORIZE_SUBACCOUNTS, subaccounts());
    completeTask(pi, CONFIGURE_CS_SOFTWARE, software());
    Task approval = task(APPROVE_GO_LIVE, pi);
    Assertions.assertThat(taskService().getVariableLocal(approval.getId(), Vars.MERCHANT_PROVISIONS))
        .isEqualTo("【已提供】千牛子账号授权：已开通 5 个");
    Assertions.assertThat(approval.getDueDate()).isNotNull();
  }

  @Test
  void shouldRemindTheMerchantOfTheItemsNotYetProvidedWhileSubaccountsAreBeingAuthorized() {
    // one engine instant for the task's creation and its timer's start (a running clock may tick between them)
    ClockUtil.setCurrentTime(Date.from(java.time.ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, Clocks.ZONE).toInstant()));
    ProcessInstance pi = waitingForDeposit();
    correlate(pi, Messages.DEPOSIT_RECEIVED, payment("5000.00", "PAY-OB-4"));
    List<OnboardingChecklist.Answer> answers = new ArrayList<>();
    for (com.bpocontractflow.onboarding.ChecklistItem item : com.bpocontractflow.onboarding.ChecklistItem.values()) {
      answers.add(new OnboardingChecklist.Answer(item,
          item != com.bpocontractflow.onboarding.ChecklistItem.SUBACCOUNT_AUTHORISATION, null, null, null));
    }
    when(checklist.answers(42L)).thenReturn(answers);

    // P3D after the task began (working days in the application), twice at most
    Job reminder = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_ChecklistReminderDue").singleResult();
    Assertions.assertThat(reminder.getDuedate())
        .isEqualTo(Date.from(task(AUTHORIZE_SUBACCOUNTS, pi).getCreateTime().toInstant().plus(Duration.ofDays(3))));
    ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
    execute(reminder);

    assertThat(pi).hasPassed("ServiceTask_RemindChecklist").isWaitingAt(AUTHORIZE_SUBACCOUNTS);
    ArgumentCaptor<Map<String, Object>> model = mapCaptor();
    verify(mailer).send(eq(MerchantMail.ONBOARDING_CHECKLIST_REMINDER), any(), model.capture(), eq(1));
    Assertions.assertThat(model.getValue()).containsEntry("missingItems",
        List.of(com.bpocontractflow.onboarding.ChecklistItem.SUBACCOUNT_AUTHORISATION)).containsKey("checklistLink");

    // everything provided by the second reminder: nothing is sent
    when(checklist.answers(42L)).thenReturn(answers.stream().map(answer -> new OnboardingChecklist.Answer(
        answer.item(), true, null, null, null)).toList());
    Job second = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_ChecklistReminderDue").singleResult();
    ClockUtil.setCurrentTime(new Date(second.getDuedate().getTime() + 1000));
    execute(second);
    verify(mailer, times(1)).send(eq(MerchantMail.ONBOARDING_CHECKLIST_REMINDER), any(), any(), any(Object[].class));
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_ChecklistReminderDue").count()).isZero();
  }

  static Map<String, Object> contextVariables() {
    Map<String, Object> variables = new HashMap<>(request());
    variables.put(Vars.CONTRACT_ID, 42L);
    variables.put(Vars.CONTRACT_NUMBER, NUMBER);
    variables.put(Vars.PROPOSAL_ROUND, 1);
    variables.put(Vars.REVIEW_ROUND, 1);
    // a quote sent today, valid 14 days (the proposal's wait has a timer on its expiry)
    variables.put(Vars.QUOTE_EXPIRES_AT, ProposalQuotes.timerDate(Clocks.today().plusDays(14)));
    return variables;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static ArgumentCaptor<Map<String, Object>> mapCaptor() {
    return (ArgumentCaptor) ArgumentCaptor.forClass(Map.class);
  }

  /** The ledger's rule (a reference counts once) without a database. */
  static class InMemoryDepositLedger extends DepositLedger {
    final List<String> payments = new ArrayList<>();
    final Map<String, BigDecimal> byReference = new HashMap<>();

    InMemoryDepositLedger() {
      super(null);
    }

    @Override
    public boolean record(long contractId, BigDecimal amount, String paymentReference, String recordedBy) {
      if (byReference.containsKey(paymentReference)) {
        return false;
      }
      byReference.put(paymentReference, amount);
      payments.add(paymentReference + "=" + amount.setScale(2));
      return true;
    }

    @Override
    public BigDecimal totalPaid(long contractId) {
      return byReference.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * Issue #12: what one reminder job costs the engine's database, counted by H2's query statistics while the
   * job runs (the application's repositories are mocked here, so the contract, the link and the outbox are not
   * in the count): the count and deadline are one statement, no query of the activity history or of the
   * escalation job remains, and no variable is written, 18 statements in all (22 before: two history queries,
   * the escalation job's query, and two for the history of the former waitingFor input parameter), commits aside.
   */
  @Test
  void shouldReadTheReminderCountAndDeadlineInOneStatement() {
    ProcessInstance pi = start();
    completeTask(pi, DRAFT_PROPOSAL, proposal("5000.00"));
    execute(reminderJob(pi, WaitingFor.PROPOSAL_ANSWER));
    Job second = reminderJob(pi, WaitingFor.PROPOSAL_ANSWER);
    org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngine().getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    Map<String, Long> statements = new HashMap<>();
    commands.execute(context -> sql(context, "SET QUERY_STATISTICS FALSE", "SET QUERY_STATISTICS TRUE"));
    try {
      execute(second);
    } finally {
      commands.execute(context -> {
        try (java.sql.Statement query = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
            java.sql.ResultSet rows = query.executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
          while (rows.next()) {
            statements.merge(rows.getString(1).replaceAll("\\s+", " ").trim(), rows.getLong(2), Long::sum);
          }
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
        return sql(context, "SET QUERY_STATISTICS FALSE");
      });
    }
    statements.keySet().removeIf(statement -> statement.equals("COMMIT") || statement.contains("QUERY_STATISTICS"));

    // the history is read once, by the UNION ALL of MerchantReminderDelegate.WaitState, which also finds the
    // escalation job (the engine's job query by activity would join ACT_RU_JOBDEF as JD)
    Assertions.assertThat(statements.keySet()).filteredOn(statement -> statement.contains("ACT_HI_ACTINST")
        && !statement.startsWith("insert")).singleElement().satisfies(statement -> {
          Assertions.assertThat(statement).contains("UNION ALL");
          Assertions.assertThat(statements.get(statement)).isEqualTo(1L);
        });
    Assertions.assertThat(statements.keySet()).filteredOn(statement -> statement.contains("JD.ACT_ID_")).hasSize(1);
    // no variable is written: the wait is known from the reminder task's id (no waitingFor input parameter)
    Assertions.assertThat(statements.keySet()).noneMatch(statement -> statement.contains("VARINST")
        || statement.contains("ACT_HI_DETAIL") || statement.startsWith("insert into ACT_RU_VARIABLE"));
    Assertions.assertThat(statements.values().stream().mapToLong(Long::longValue).sum()).as("%s", statements)
        .isEqualTo(18);
    verify(mailer, times(2)).send(eq(MerchantMail.REMINDER), any(), any(), any(Object[].class));
  }

  static Object sql(org.camunda.bpm.engine.impl.interceptor.CommandContext context, String... statements) {
    try (java.sql.Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
      return null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
