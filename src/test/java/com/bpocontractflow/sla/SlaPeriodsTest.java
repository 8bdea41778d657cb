package com.bpocontractflow.sla;

import static com.bpocontractflow.sla.SlaReviewProcess.Vars.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.EngineTests;
import com.bpocontractflow.signing.LatePaymentCap;
import com.bpocontractflow.signing.SigningRecorder;
import com.bpocontractflow.signing.UserTaskListener;
import com.bpocontractflow.term.AppTables;
import com.bpocontractflow.term.ServiceTerm;
import com.bpocontractflow.term.ServiceTermProcess;
import com.bpocontractflow.term.TermDates;
import com.bpocontractflow.validation.VaguePhrases;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
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

/**
 * The monthly SLA figures end to end (issue #14 item 5): contract-term with the real sla-review and its
 * decision table, the real steps on the application's tables. Figures the customer-service system
 * submits (what {@code POST /api/integrations/sla-figures} starts) satisfy the period contract-term asks
 * for; figures onboarding enters start the real review; free-extension days an approved remedy awards move
 * the term's end and its timers. The models' coverage is asserted in ContractTermProcessTest and
 * SlaReviewProcessTest.
 */
@Deployment(resources = {ServiceTermProcess.RESOURCE, SlaReviewProcess.RESOURCE, SlaReviewProcess.DECISION_RESOURCE})
class SlaPeriodsTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION).build();

  /** Live since Monday 14 September 2026; 12 months: the term's last day is 13 September 2027. */
  static final LocalDate GO_LIVE = LocalDate.of(2026, 9, 14);

  AppTables app;
  long contractId;
  String number;
  ProcessInstance term;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    clock(GO_LIVE, 9);
    app = new AppTables();
    app.registerContractTermBeans(runtimeService());
    SlaReview review = new SlaReview(app.contracts, app.clauseSets, app.terms, new SlaReviews(app.jdbc), app.mailer,
        new SlaProperties(null, null), new SlaDecisions(engine.getProcessEngine().getRepositoryService()));
    review.setServiceTerm((ServiceTerm) Mocks.get("serviceTerm"));
    Mocks.register("slaReview", review);
    Mocks.register("userTaskListener", new UserTaskListener(mock(SigningRecorder.class), new VaguePhrases(List.of()),
        new LatePaymentCap(null)));
    Map<String, Object> clauses = AppTables.signedClauses(0);
    clauses.put("slaFreeExtensionDays", 7);
    clauses.put("monthlyComplaintCeiling", 10);
    contractId = app.signedContract(GO_LIVE, clauses);
    number = app.contracts.get(contractId).contractNumber();
  }

  /** Starts contract-term at go-live (the models are deployed after {@code @BeforeEach}). */
  void goLive() {
    term = runtimeService().startProcessInstanceByKey(ServiceTermProcess.KEY, number, Map.of(
        ContractSigningProcess.Vars.CONTRACT_ID, contractId, ContractSigningProcess.Vars.CONTRACT_NUMBER, number,
        ContractSigningProcess.Vars.MERCHANT_NAME, "杭州小象旗舰店"));
  }

  @AfterEach
  void tearDown() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  static void clock(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clocks.ZONE).toInstant()));
  }

  Job timer(String activityId) {
    return managementService().createJobQuery().processInstanceId(term.getId()).activityId(activityId).singleResult();
  }

  void fire(String activityId) {
    Job job = timer(activityId);
    ClockUtil.setCurrentTime(job.getDuedate());
    execute(job);
  }

  Map<String, Object> figures(String satisfaction, int complaints) {
    Map<String, Object> v = new HashMap<>();
    v.put(FIRST_REPLY_ON_TIME, "96");
    v.put(AVERAGE_FIRST_REPLY_SECONDS, 40);
    v.put(RESOLVED_ON_TIME, "97.5");
    v.put(SATISFACTION, satisfaction);
    v.put(BAD_REVIEW_RATE, "0.4");
    v.put(COMPLAINTS, complaints);
    v.put(PERIOD_FEES, "30000.00");
    return v;
  }

  @Test
  void shouldTakeTheSystemsFiguresForThePeriodAskedAndExtendTheTermByTheFreeDaysAwarded() {
    goLive();
    fire("StartEvent_SlaPeriodsBegin");
    assertThat(term).isActive();
    // the customer-service system submits September's figures, as the integration endpoint starts the review:
    // 11 complaints (ceiling 10) and satisfaction 85 % (target 90 %): two missed KPIs
    Map<String, Object> submitted = figures("85", 11);
    submitted.put("contractNumber", number);
    submitted.put(PERIOD_START, "2026-09-14");
    submitted.put(PERIOD_END, "2026-09-30");
    ProcessInstance review = runtimeService().createProcessInstanceByKey(SlaReviewProcess.KEY).businessKey(number)
        .setVariables(submitted).execute();

    // the period asks nothing more: no wait, no task
    assertThat(term).hasPassed("EndEvent_SlaFiguresSubmitted");
    Assertions.assertThat(timer("TimerEvent_SlaFiguresWait")).isNull();
    assertThat(review).isWaitingAt(SlaReviewProcess.Tasks.APPROVE_COMPENSATION).variables()
        .containsEntry(MISSED_KPIS, 2).containsEntry(SLA_REMEDY, "REDUCTION_AND_EXTENSION")
        .containsEntry(MISSED_KPI_SUMMARY, "客户满意度（85%）；投诉数（11 件，上限 10 件）")
        .containsEntry(FREE_EXTENSION_DAYS, 7L);
    complete(task(review), Map.of(ADJUSTMENT_REASON, "同意"));

    // 13 September 2027 + 7 free days: 20 September; renewal talks 30 days before the new end
    Assertions.assertThat(app.terms.get(contractId).termLastDay()).isEqualTo(LocalDate.of(2027, 9, 20));
    Assertions.assertThat(app.terms.freeExtensionDays(contractId)).isEqualTo(7);
    assertThat(term).variables().containsEntry(ServiceTermProcess.Vars.TERM_LAST_DAY, "2027-09-20")
        .containsEntry(ServiceTermProcess.Vars.FREE_EXTENSION_DAYS_TOTAL, 7);
    Assertions.assertThat(timer("TimerEvent_RenewalWindow").getDuedate())
        .isEqualTo(TermDates.morningOf(LocalDate.of(2027, 8, 22)));
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText())
        .contains("投诉数：11（合同：每月不超过 10 件，本期上限 10 件）").contains("免费延长服务：7 天")
        .contains("延长后的合同到期日：2027年9月20日");
  }

  @Test
  void shouldReviewTheFiguresOnboardingEntersWhenTheSystemSendsNone() {
    goLive();
    fire("StartEvent_SlaPeriodsBegin");
    fire("TimerEvent_SlaFiguresWait");
    complete(task(ServiceTermProcess.Tasks.ENTER_SLA_FIGURES, term), figures("93", 4));

    assertThat(term).hasPassed("EndEvent_SlaPeriodDone");
    Map<String, Object> row = app.jdbc.sql("SELECT * FROM sla_review WHERE contract_id = :id").param("id", contractId)
        .query().singleRow();
    Assertions.assertThat(row).containsEntry("PERIOD_START", java.sql.Date.valueOf("2026-09-14"))
        .containsEntry("PERIOD_END", java.sql.Date.valueOf("2026-09-30")).containsEntry("MISSED_KPIS", 0)
        .containsEntry("COMPLAINTS", 4);
    Assertions.assertThat(app.mails(number)).containsExactly("SLA_STATEMENT");
    // an entered review awards nothing here: the term keeps its end
    Assertions.assertThat(app.terms.get(contractId).termLastDay()).isEqualTo(LocalDate.of(2027, 9, 13));
  }
}
