package com.bpocontractflow.sla;

import static com.bpocontractflow.sla.SlaReviewProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;

import com.bpocontractflow.signing.EngineTests;
import com.bpocontractflow.signing.LatePaymentCap;
import com.bpocontractflow.signing.SigningRecorder;
import com.bpocontractflow.signing.UserTaskListener;
import com.bpocontractflow.term.AppTables;
import com.bpocontractflow.validation.Clocks;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.validation.VaguePhrases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Engine tests of {@code sla-review} with the real decision table, the real steps against the
 * application's tables, and the real e-mails in the outbox. Contract targets (standard template):
 * first reply within 5 minutes, solved within 30, satisfaction ≥ 90 %, bad reviews ≤ 1 %; on time = 95 %;
 * remedies 5 % fee reduction, 0 free days, no penalty unless set; late payment 0.05 % a day.
 */
@Deployment(resources = {SlaReviewProcess.RESOURCE, SlaReviewProcess.DECISION_RESOURCE})
class SlaReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .assertClassCoverageAtLeast(0.95)
      .build();

  static final LocalDate GO_LIVE = LocalDate.of(2026, 12, 1);

  AppTables app;
  long contractId;
  String number;

  @BeforeEach
  void setUp() {
    // this class's engine: with the application's engine also registered, camunda-bpm-assert does not guess
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2027, 1, 5).atTime(10, 0).atZone(Clocks.ZONE).toInstant()));
    app = new AppTables();
    Map<String, Object> clauses = AppTables.signedClauses(14);
    clauses.put("slaFreeExtensionDays", 7);
    clauses.put("slaPenalty", "3000.00");
    contractId = app.signedContract(GO_LIVE, clauses);
    number = app.contracts.get(contractId).contractNumber();
    app.terms.begin(contractId, GO_LIVE, GO_LIVE.plusDays(13), GO_LIVE.plusMonths(12).minusDays(1));
    Mocks.register("slaReview", new SlaReview(app.contracts, app.clauseSets, app.terms, new SlaReviews(app.jdbc),
        app.mailer, new SlaProperties(null), new SlaDecisions(engine.getProcessEngine().getRepositoryService())));
    Mocks.register("userTaskListener", new UserTaskListener(mock(SigningRecorder.class), new VaguePhrases(List.of()), new LatePaymentCap(null)));
  }

  @AfterEach
  void tearDown() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  Map<String, Object> figures(String firstReply, String satisfaction, String badReviews) {
    Map<String, Object> v = new HashMap<>();
    v.put("contractNumber", number);
    v.put(PERIOD_START, "2026-12-01");
    v.put(PERIOD_END, "2026-12-31");
    v.put(FIRST_REPLY_ON_TIME, firstReply);
    v.put(AVERAGE_FIRST_REPLY_SECONDS, 40);
    v.put(RESOLVED_ON_TIME, "97.5");
    v.put(SATISFACTION, satisfaction);
    v.put(BAD_REVIEW_RATE, badReviews);
    v.put(COMPLAINTS, 3);
    v.put(PERIOD_FEES, "30000.00");
    return v;
  }

  ProcessInstance start(Map<String, Object> figures) {
    return runtimeService().startProcessInstanceByKey(SlaReviewProcess.KEY, figures);
  }

  Map<String, Object> review() {
    return app.jdbc.sql("SELECT * FROM sla_review WHERE contract_id = :id").param("id", contractId).query().singleRow();
  }

  @Test
  void shouldSendAStatementWithoutApprovalWhenEveryTargetIsMet() {
    ProcessInstance pi = start(figures("96", "93.2", "0.4"));

    assertThat(pi).isEnded().hasPassed("EndEvent_SlaReviewed").hasNotPassed(SlaReviewProcess.Tasks.APPROVE_COMPENSATION);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(number);
    Assertions.assertThat(review()).containsEntry("MISSED_KPIS", 0);
    Assertions.assertThat((BigDecimal) review().get("FEE_REDUCTION")).isEqualByComparingTo("0.00");
    Assertions.assertThat(app.mails(number)).containsExactly("SLA_STATEMENT");
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText()).contains("全部指标达标，无需赔偿");
  }

  @Test
  void shouldProposeTheContractsRemedyForOneMissedTargetAndChargeTheMerchantsLatePayment() {
    Map<String, Object> figures = figures("96", "88", "0.4");
    figures.put(OVERDUE_AMOUNT, "30000.00");
    figures.put(OVERDUE_DAYS, 10);
    ProcessInstance pi = start(figures);

    assertThat(pi).isWaitingAt(SlaReviewProcess.Tasks.APPROVE_COMPENSATION);
    assertThat(task(pi)).hasCandidateGroup("managers");
    assertThat(pi).variables().containsEntry(SLA_REMEDY, "FEE_REDUCTION").containsEntry(FEE_REDUCTION_PERCENT, "5")
        .containsEntry(FREE_EXTENSION_DAYS, 0L).containsEntry(PENALTY_AMOUNT, "0.00")
        .containsEntry(MISSED_KPI_SUMMARY, "客户满意度（88%）");
    complete(task(pi), Map.of(ADJUSTMENT_REASON, "同意"));

    // 5 % of 30,000.00 = 1,500.00; late payment 30,000.00 × 0.05 % × 10 days = 150.00
    Map<String, Object> review = review();
    Assertions.assertThat((BigDecimal) review.get("FEE_REDUCTION")).isEqualByComparingTo("1500.00");
    Assertions.assertThat((BigDecimal) review.get("LATE_PAYMENT_PENALTY")).isEqualByComparingTo("150.00");
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText())
        .contains("减免服务费：1,500.00 元（5%）").contains("逾期付款违约金：150.00 元");
  }

  @Test
  void shouldLetManagersAdjustTheRemedyOnlyWithAReason() {
    ProcessInstance pi = start(figures("80", "75", "3"));
    // three targets missed (first replies, satisfaction, bad reviews): every remedy of the contract
    assertThat(pi).variables().containsEntry(MISSED_KPIS, 3).containsEntry(SLA_REMEDY, "FULL")
        .containsEntry(FREE_EXTENSION_DAYS, 7L).containsEntry(PENALTY_AMOUNT, "3000.00");

    Map<String, Object> adjusted = new HashMap<>(Map.of(FEE_REDUCTION_PERCENT, "10", FREE_EXTENSION_DAYS, 7,
        PENALTY_AMOUNT, "3000.00"));
    assertThatThrownBy(() -> complete(task(pi), adjusted))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("调整原因");
    assertThat(pi).isWaitingAt(SlaReviewProcess.Tasks.APPROVE_COMPENSATION);

    adjusted.put(ADJUSTMENT_REASON, "大促期间差评集中，加大减免以维护合作");
    complete(task(pi), adjusted);
    Map<String, Object> review = review();
    Assertions.assertThat((BigDecimal) review.get("FEE_REDUCTION")).isEqualByComparingTo("3000.00");
    Assertions.assertThat((BigDecimal) review.get("PENALTY")).isEqualByComparingTo("3000.00");
    Assertions.assertThat(review).containsEntry("FREE_EXTENSION_DAYS", 7)
        .containsEntry("ADJUSTMENT_REASON", "大促期间差评集中，加大减免以维护合作");
  }

  @Test
  void shouldRefuseBadFiguresUnknownContractsAndRepeatedPeriodsAndStartNothing() {
    Map<String, Object> backwards = figures("96", "93", "0.4");
    backwards.put(PERIOD_END, "2026-11-30");
    assertThatThrownBy(() -> start(backwards)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不能早于开始日期");
    Map<String, Object> unknown = figures("96", "93", "0.4");
    unknown.put("contractNumber", "BPO-2026-999999");
    assertThatThrownBy(() -> start(unknown)).isInstanceOf(InvalidInputException.class).hasMessageContaining("不存在");
    Map<String, Object> outOfRange = figures("101", "93", "0.4");
    assertThatThrownBy(() -> start(outOfRange)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("首次响应及时率");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

    start(figures("96", "93", "0.4"));
    assertThatThrownBy(() -> start(figures("96", "93", "0.4"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已评估过");
    Assertions.assertThat(app.jdbc.sql("SELECT COUNT(*) FROM sla_review").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void shouldReviewAContractStartedWithItsOwnNumber() {
    long own = app.signedContract("HZXX-2026-07", GO_LIVE, AppTables.signedClauses(14));
    app.terms.begin(own, GO_LIVE, GO_LIVE.plusDays(13), GO_LIVE.plusMonths(12).minusDays(1));
    Map<String, Object> figures = figures("96", "93.2", "0.4");
    figures.put("contractNumber", "HZXX-2026-07");

    ProcessInstance pi = start(figures);

    assertThat(pi).isEnded().hasPassed("EndEvent_SlaReviewed");
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo("HZXX-2026-07");
    Assertions.assertThat(app.mails("HZXX-2026-07")).containsExactly("SLA_STATEMENT");
    figures.put("contractNumber", "HZXX 2026 07");
    assertThatThrownBy(() -> start(figures)).isInstanceOf(InvalidInputException.class)
        .hasMessage("输入有误：「合同编号」只能包含大写字母、数字和 -，以字母或数字开头，共 3 到 40 位，例如 BPO-2026-000123");
  }
}
