package com.bpocontractflow.dispute;

import static com.bpocontractflow.dispute.DisputeResolutionProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.coverage.ModelCoverage;
import com.bpocontractflow.signing.EngineTests;
import com.bpocontractflow.signing.LatePaymentCap;
import com.bpocontractflow.signing.SigningRecorder;
import com.bpocontractflow.signing.UserTaskListener;
import com.bpocontractflow.term.AppTables;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.validation.VaguePhrases;
import java.time.LocalDate;
import java.util.Date;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Engine tests of {@code dispute-resolution}: negotiation, its deadline, the contract's single forum. */
@Deployment(resources = DisputeResolutionProcess.RESOURCE)
class DisputeResolutionProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .build();

  /** At least 95 % of the model under test, asserted per model when the whole class ran. */
  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, DisputeResolutionProcess.KEY);

  AppTables app;
  long contractId;
  String number;

  @BeforeEach
  void setUp() {
    // this class's engine: with the application's engine also registered, camunda-bpm-assert does not guess
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2027, 2, 1).atTime(10, 0).atZone(Clocks.ZONE).toInstant()));
    app = new AppTables();
    contractId = app.signedContract(LocalDate.of(2026, 12, 1), AppTables.signedClauses(14));
    number = app.contracts.get(contractId).contractNumber();
    Mocks.register("disputes", new Disputes(app.contracts, app.clauseSets, new DisputeRecords(app.jdbc), app.mailer));
    Mocks.register("userTaskListener", new UserTaskListener(mock(SigningRecorder.class), new VaguePhrases(List.of()), new LatePaymentCap(null)));
  }

  @AfterEach
  void tearDown() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance raise(String raisedBy) {
    return runtimeService().startProcessInstanceByKey(DisputeResolutionProcess.KEY, Map.of("contractNumber", number,
        RAISED_BY, raisedBy, DISPUTE_DESCRIPTION, "商家认为 1 月差评率统计口径有误，要求退还减免差额 1,200 元"));
  }

  Map<String, Object> dispute() {
    return app.jdbc.sql("SELECT * FROM dispute WHERE contract_id = :id").param("id", contractId).query().singleRow();
  }

  @Test
  void shouldRecordASettlementReachedInNegotiation() {
    ProcessInstance pi = raise("MERCHANT");
    assertThat(pi).isWaitingAt(DisputeResolutionProcess.Tasks.NEGOTIATE_DISPUTE);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(number);
    assertThat(task(pi)).hasCandidateGroup("legal");
    // 15 negotiation days (standard template) from 1 February
    assertThat(pi).variables().containsEntry(NEGOTIATE_UNTIL, "2027-02-16")
        .containsEntry(FORUM_ACTION, "提交杭州仲裁委员会仲裁");

    complete(task(pi), Map.of(DISPUTE_OUTCOME, "RESOLVED", SETTLEMENT_TERMS, "双方同意按原口径，乙方退还 600 元",
        NEGOTIATION_NOTES, "2 月 3 日电话协商"));

    assertThat(pi).isEnded().hasPassed("EndEvent_DisputeSettled");
    Assertions.assertThat(dispute()).containsEntry("OUTCOME", "RESOLVED")
        .containsEntry("SETTLEMENT_TERMS", "双方同意按原口径，乙方退还 600 元");
    Assertions.assertThat(app.mails(number)).containsExactly("DISPUTE_OPENED", "DISPUTE_SETTLED");
  }

  @Test
  void shouldTakeAFailedNegotiationToTheNamedArbitrationCommission() {
    ProcessInstance pi = raise("PROVIDER");
    assertThatThrownBy(() -> complete(task(pi), Map.of(DISPUTE_OUTCOME, "RESOLVED", NEGOTIATION_NOTES, "已协商")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("和解内容");
    complete(task(pi), Map.of(DISPUTE_OUTCOME, "ESCALATED", NEGOTIATION_NOTES, "双方各执一词"));

    assertThat(pi).isWaitingAt(DisputeResolutionProcess.Tasks.FILE_WITH_FORUM);
    assertThat(pi).variables().containsEntry(FORUM_VENUE, "杭州仲裁委员会").containsEntry(DISPUTE_FORUM, "仲裁");
    complete(task(pi), Map.of(FILED_ON, "2027-02-01", CASE_REFERENCE, "（2027）杭仲字第 0123 号"));

    assertThat(pi).isEnded().hasPassed("EndEvent_DisputeFiled");
    Assertions.assertThat(dispute()).containsEntry("OUTCOME", "ESCALATED")
        .containsEntry("CASE_REFERENCE", "（2027）杭仲字第 0123 号");
    Assertions.assertThat(app.mails(number)).containsExactly("DISPUTE_OPENED", "DISPUTE_ESCALATED", "DISPUTE_FILED");
    Assertions.assertThat(app.outbox.findByContract(number).get(1).subject()).contains("杭州仲裁委员会");
  }

  @Test
  void shouldEscalateWhenTheNegotiationDaysRunOut() {
    ProcessInstance pi = raise("MERCHANT");
    Job deadline = job("BoundaryEvent_NegotiationOver", pi);
    Assertions.assertThat(deadline.getDuedate())
        .isEqualTo(Date.from(LocalDate.of(2027, 2, 17).atStartOfDay(Clocks.ZONE).toInstant()));
    execute(deadline);

    assertThat(pi).isWaitingAt(DisputeResolutionProcess.Tasks.FILE_WITH_FORUM).hasNotPassed("Gateway_DisputeOutcome");
    Assertions.assertThat(dispute()).containsEntry("OUTCOME", "NEGOTIATION_EXPIRED");
    Assertions.assertThat(app.outbox.findByContract(number).get(1).bodyText()).contains("协商期限已届满");
  }

  @Test
  void shouldRefuseADisputeOnAnUnknownContractOrWithoutDescription() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(DisputeResolutionProcess.KEY,
        Map.of("contractNumber", "BPO-2026-999999", RAISED_BY, "MERCHANT", DISPUTE_DESCRIPTION, "服务费计算有误，要求重新核算")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不存在");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(DisputeResolutionProcess.KEY,
        Map.of("contractNumber", number, RAISED_BY, "MERCHANT")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("争议事项");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(app.mails(number)).isEmpty();
  }

  @Test
  void shouldOpenADisputeOnAContractStartedWithItsOwnNumber() {
    long own = app.signedContract("HZXX-2026-07", LocalDate.of(2026, 12, 1), AppTables.signedClauses(14));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(DisputeResolutionProcess.KEY, Map.of(
        "contractNumber", "HZXX-2026-07", RAISED_BY, "MERCHANT", DISPUTE_DESCRIPTION, "商家认为 1 月差评率统计口径有误"));

    assertThat(pi).isWaitingAt(DisputeResolutionProcess.Tasks.NEGOTIATE_DISPUTE);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo("HZXX-2026-07");
    assertThat(pi).variables().containsEntry("contractId", own);
    Assertions.assertThat(app.mails("HZXX-2026-07")).containsExactly("DISPUTE_OPENED");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(DisputeResolutionProcess.KEY, Map.of(
        "contractNumber", "hzxx-2026-07", RAISED_BY, "MERCHANT", DISPUTE_DESCRIPTION, "商家认为 1 月差评率统计口径有误")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("输入有误：「合同编号」只能包含大写字母、数字和 -，以字母或数字开头，共 3 到 40 位，例如 BPO-2026-000123");
  }
}
