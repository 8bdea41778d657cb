package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Tasks.*;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.coverage.ModelCoverage;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.EngineTests;
import com.bpocontractflow.validation.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Engine tests of every path of {@code contract-term}, timers driven by moving the engine's clock. The
 * steps run for real against the application's tables (H2, migrated by Flyway) and write the real
 * e-mails to the real outbox; the amounts are worked out by hand in each test.
 */
@Deployment(resources = {ServiceTermProcess.RESOURCE, ContractTermProcessTest.SLA_REVIEW_STUB})
class ContractTermProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .build();

  /** At least 95 % of the model under test, asserted per model when the whole class ran. */
  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, ServiceTermProcess.KEY);

  static final LocalDate GO_LIVE = LocalDate.of(2026, 12, 1);
  /** What the monthly SLA figures start; sla-review itself is tested in SlaReviewProcessTest and SlaPeriodsTest. */
  static final String SLA_REVIEW_STUB = "stubs/sla-review-stub.bpmn";

  AppTables app;
  long contractId;
  String number;

  @BeforeEach
  void setUp() {
    // this class's engine: with the application's engine also registered, camunda-bpm-assert does not guess
    BpmnAwareTests.init(engine.getProcessEngine());
    clock(GO_LIVE, 9);
    app = new AppTables();
    app.registerContractTermBeans(runtimeService());
  }

  @AfterEach
  void tearDown() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance startTerm(int trialDays) {
    return startTerm(AppTables.signedClauses(trialDays));
  }

  ProcessInstance startTerm(Map<String, Object> clauses) {
    contractId = app.signedContract(GO_LIVE, clauses);
    number = app.contracts.get(contractId).contractNumber();
    return runtimeService().startProcessInstanceByKey(ServiceTermProcess.KEY, number, Map.of(
        ContractSigningProcess.Vars.CONTRACT_ID, contractId,
        ContractSigningProcess.Vars.CONTRACT_NUMBER, number,
        ContractSigningProcess.Vars.MERCHANT_NAME, "杭州小象旗舰店"));
  }

  static void clock(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clocks.ZONE).toInstant()));
  }

  static Date instant(LocalDate day, int hour) {
    return Date.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).atZone(Clocks.ZONE).toInstant());
  }

  Job timer(ProcessInstance pi, String activityId) {
    Job job = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    Assertions.assertThat(job).as("timer %s", activityId).isNotNull();
    return job;
  }

  /** Moves the clock to the timer's due date and fires it. */
  void fire(ProcessInstance pi, String activityId, Date expectedDue) {
    Job job = timer(pi, activityId);
    Assertions.assertThat(job.getDuedate()).as("due date of %s", activityId).isEqualTo(expectedDue);
    ClockUtil.setCurrentTime(job.getDuedate());
    execute(job);
  }

  void completeTask(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    assertThat(pi).isWaitingAt(taskKey);
    complete(task(taskKey, pi), variables);
    confirmDataDisposal(pi);
  }

  /** The data disposal is confirmed (certificate, e-mail) in a job after the completion: runs it when it waits. */
  void confirmDataDisposal(ProcessInstance pi) {
    if (managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(ServiceTermProcess.Elements.CONFIRM_DATA_DISPOSAL).count() > 0) {
      execute(job(ServiceTermProcess.Elements.CONFIRM_DATA_DISPOSAL, pi));
    }
  }

  Map<String, Object> notice(String party, String received) {
    Map<String, Object> v = new HashMap<>();
    v.put(NOTICE_PARTY, party);
    v.put(NOTICE_RECEIVED_DATE, received);
    v.put(TERMINATION_REASON, "店铺业务调整，不再需要外包客服");
    return v;
  }

  void correlateNotice(Map<String, Object> variables) {
    runtimeService().createMessageCorrelation(ServiceTermProcess.Messages.TERMINATION_NOTICE_RECEIVED)
        .processInstanceBusinessKey(number).setVariables(variables).correlate();
  }

  Map<String, Object> settlement(String invoicedThrough, String unpaid) {
    Map<String, Object> v = new HashMap<>();
    v.put(INVOICED_THROUGH, invoicedThrough);
    v.put(UNPAID_INVOICES, unpaid);
    v.put(USAGE_FEES, "0");
    return v;
  }

  static Map<String, Object> revocation(String revokedOn) {
    return Map.of(REVOKED_ACCESS, "千牛子账号 5 个已解除授权；订单系统只读账号已停用", ACCESS_REVOKED_ON, revokedOn);
  }

  Map<String, Object> statement() {
    return app.jdbc.sql("SELECT * FROM final_settlement WHERE contract_id = :id").param("id", contractId)
        .query().singleRow();
  }

  @Test
  void shouldContinueAfterTheTrialRenewOnceThenExpireSettleAndDeleteTheData() throws Exception {
    ProcessInstance pi = startTerm(14);
    // what the merchant registered on its onboarding checklist before go-live
    new com.bpocontractflow.onboarding.OnboardingChecklist(app.jdbc).save(contractId, Map.of(
        com.bpocontractflow.onboarding.ChecklistItem.SUBACCOUNT_AUTHORISATION,
        new com.bpocontractflow.onboarding.OnboardingChecklist.Submitted(true, "千牛子账号 5 个"),
        com.bpocontractflow.onboarding.ChecklistItem.ORDER_SYSTEM_ACCESS,
        new com.bpocontractflow.onboarding.OnboardingChecklist.Submitted(false, "未开通")), "商家（邮件链接）");
    Assertions.assertThat(app.contracts.get(contractId).status()).isEqualTo(ContractStatus.LIVE.name());

    // the trial's last day is 14 December: the review is there at 9:00
    fire(pi, "TimerEvent_TrialLastDay", instant(LocalDate.of(2026, 12, 14), 9));
    assertThat(task(REVIEW_TRIAL, pi)).hasCandidateGroup("sales");
    completeTask(pi, REVIEW_TRIAL, Map.of(TRIAL_OUTCOME, "CONTINUE", TRIAL_REVIEW_NOTE, "响应及时，商家满意"));

    // 12 months end on 30 November 2027; renewal talks open 30 days before the term's end
    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    completeTask(pi, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "RENEW", RENEWAL_MONTHS, 6,
        RENEWAL_NOTE, "商家同意按原条款续签 6 个月"));
    assertThat(pi).variables().containsEntry(TERM_LAST_DAY, "2028-05-31");

    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2028, 5, 2), 9));
    completeTask(pi, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "EXPIRE", RENEWAL_NOTE, "商家将自建客服团队"));
    fire(pi, "TimerEvent_TermEnds", instant(LocalDate.of(2028, 6, 1), 0));

    assertThat(pi).isWaitingAt(FINAL_SETTLEMENT).hasPassed("EndEvent_Expired");
    assertThat(task(FINAL_SETTLEMENT, pi)).hasCandidateGroup("finance");
    assertThat(pi).variables().containsEntry(LAST_SERVICE_DAY, "2028-05-31").containsEntry(DEPOSIT_HELD, "5,000.00")
        .containsEntry(PENALTY_DUE, "0.00").containsEntry(MONTHLY_FEE, "30,000.00");
    // invoiced through April 2028, April's invoice not paid yet: May is billed, 18 months in all
    completeTask(pi, FINAL_SETTLEMENT, settlement("2028-04-30", "30000.00"));

    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("FEES")).isEqualByComparingTo("30000.00");
    Assertions.assertThat((BigDecimal) s.get("AMOUNT_OWED")).isEqualByComparingTo("60000.00");
    Assertions.assertThat((BigDecimal) s.get("DEPOSIT_SET_OFF")).isEqualByComparingTo("5000.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("55000.00");
    Assertions.assertThat((BigDecimal) s.get("PROVIDER_REFUNDS")).isEqualByComparingTo("0.00");
    // nothing to refund: no refund task
    assertThat(pi).hasPassed("EndEvent_NoRefund").hasNotPassed(CONFIRM_REFUND_PAID);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(CONFIRM_REFUND_PAID).count()).isZero();

    // the service is over: the onboarding team revokes what the merchant granted, by 2 (working) days
    assertThat(pi).isWaitingAt(RETURN_OR_DELETE_DATA, REVOKE_MERCHANT_ACCESS);
    assertThat(task(REVOKE_MERCHANT_ACCESS, pi)).hasCandidateGroup("onboarding")
        .hasDueDate(instant(LocalDate.of(2028, 6, 3), 0));
    Assertions.assertThat(taskService().getVariableLocal(task(REVOKE_MERCHANT_ACCESS, pi).getId(), GRANTED_ACCESS))
        .isEqualTo("千牛子账号授权：千牛子账号 5 个");
    clock(LocalDate.of(2028, 6, 2), 10);
    completeTask(pi, REVOKE_MERCHANT_ACCESS, revocation("2028-06-01"));
    Assertions.assertThat(new com.bpocontractflow.onboarding.MerchantAccessRevocations(app.jdbc).of(contractId))
        .get().satisfies(r -> {
          Assertions.assertThat(r.revokedAccess()).isEqualTo("千牛子账号 5 个已解除授权；订单系统只读账号已停用");
          Assertions.assertThat(r.revokedOn()).isEqualTo(LocalDate.of(2028, 6, 1));
          Assertions.assertThat(r.recordedAt().toInstant()).isEqualTo(instant(LocalDate.of(2028, 6, 2), 10).toInstant());
        });
    // the data is due 30 days after the last day of service
    assertThat(task(RETURN_OR_DELETE_DATA, pi)).hasCandidateGroup("onboarding")
        .hasDueDate(instant(LocalDate.of(2028, 7, 1), 0));
    // the merchant was asked at the term's end; it chooses by 23 June (data due 30 June, less 7 days); staff see
    // it has not chosen yet
    assertThat(pi).variables().containsEntry(DATA_CHOICE_DUE_AT, instant(LocalDate.of(2028, 6, 24), 0))
        .containsEntry(DATA_CHOICE_LABEL, "商家尚未选择（选择期限至 2028年6月23日；逾期未选择的，按合同第三条和《个人信息保护法》第四十七条删除）");
    // the merchant chose deletion by phone: staff record it for the merchant with the deletion
    clock(LocalDate.of(2028, 6, 5), 10);
    completeTask(pi, RETURN_OR_DELETE_DATA, Map.of(STAFF_DATA_CHOICE, "DELETED",
        DATA_CHOICE_SOURCE, "2028年6月2日王小明来电，要求删除", DATA_DISPOSAL, "DELETED", DATA_DISPOSED_ON, "2028-06-05",
        DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖，店铺子账号注销，备份随 30 天轮换过期",
        DATA_DISPOSAL_NOTE, "子账号已注销，本地导出文件已粉碎，核验人：张运维"));

    assertThat(pi).isEnded().hasPassed("EndEvent_ContractEnded");
    Assertions.assertThat(app.terms.dataDisposal(contractId)).contains("DELETED");
    Assertions.assertThat(app.terms.dataChoice(contractId)).get().satisfies(choice -> {
      Assertions.assertThat(choice.choice()).isEqualTo(DataDisposal.DELETED);
      Assertions.assertThat(choice.source()).isEqualTo(DataDisposals.BY_STAFF);
      Assertions.assertThat(choice.note()).isEqualTo("2028年6月2日王小明来电，要求删除");
    });
    Assertions.assertThat(app.contracts.get(contractId).status()).isEqualTo(ContractStatus.CLOSED.name());
    Assertions.assertThat(app.mails(number)).containsExactly("RENEWAL_TALKS", "RENEWED", "RENEWAL_TALKS",
        "DATA_CHOICE", "FINAL_STATEMENT", "DATA_DISPOSED");
    var choiceMail = app.outbox.findByContract(number).get(3);
    Assertions.assertThat(choiceMail.subject()).contains("请选择服务结束后返还或删除客户数据（2028年6月23日 前）");
    Assertions.assertThat(choiceMail.bodyText()).contains("最后服务日：2028年5月31日").contains("返还或删除期限：2028年6月30日")
        .contains("在线选择返还或删除数据：https://bpo.example.com/m/").contains("有效期至 2028年6月23日 24:00");
    // the deletion certificate: stored with its SHA-256, its download link mailed
    var certificate = app.certificates().of(contractId).orElseThrow();
    Assertions.assertThat(certificate.pdfSha256()).isEqualTo(com.bpocontractflow.common.Sha256.hex(certificate.pdf()));
    // with what access was revoked, and when
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(certificate.pdf())) {
      Assertions.assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s", ""))
          .contains("回收的账号和权限千牛子账号5个已解除授权；订单系统只读账号已停用", "回收日期2028年6月1日");
    }
    Assertions.assertThat(app.outbox.findByContract(number).get(5).bodyText())
        .contains("删除方式：客服系统数据库记录删除并覆盖").contains("数据删除证明 SHA-256：" + certificate.pdfSha256())
        .contains("下载数据删除证明（PDF）：https://bpo.example.com" + DataDeletionCertificates.DOWNLOAD_PATH);
    var finalStatement = app.outbox.findByContract(number).get(4);
    Assertions.assertThat(finalStatement.subject()).contains(number).contains("最终结算单");
    Assertions.assertThat(finalStatement.bodyText()).contains("2028年5月1日 至 2028年5月31日")
        .contains("贵司应付：55,000.00").contains("抵扣尾款");
  }

  @Test
  void shouldEndAfterTheTrialExitNoticeWithoutPenaltyAndRecordARepeatedNotice() {
    ProcessInstance pi = startTerm(14);
    fire(pi, "TimerEvent_TrialLastDay", instant(LocalDate.of(2026, 12, 14), 9));
    completeTask(pi, REVIEW_TRIAL, Map.of(TRIAL_OUTCOME, "TERMINATE", TRIAL_REVIEW_NOTE, "差评率偏高，商家决定退出"));

    // trial exit notice of 3 days (standard template): service until 17 December
    assertThat(pi).isWaitingAt("TimerEvent_ServiceEnds").hasPassed("ServiceTask_RecordTrialExit");
    Assertions.assertThat(app.contracts.get(contractId).status()).isEqualTo(ContractStatus.TERMINATING.name());

    clock(LocalDate.of(2026, 12, 15), 10);
    correlateNotice(notice("MERCHANT", "2026-12-15"));
    assertThat(pi).hasPassed("EndEvent_RepeatNoticeRecorded").isWaitingAt("TimerEvent_ServiceEnds");
    Assertions.assertThat(app.terms.notices(contractId, TermRecords.REPEATED)).isEqualTo(1);
    Assertions.assertThat(app.terms.get(contractId).lastServiceDay()).isEqualTo(LocalDate.of(2026, 12, 17));

    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2026, 12, 18), 0));
    assertThat(pi).variables().containsEntry(END_REASON, "试用期退出").containsEntry(PENALTY_DUE, "0.00");
    // nothing on the merchant's checklist: the task says so; past its due date the managers see it too
    Assertions.assertThat(taskService().getVariableLocal(task(REVOKE_MERCHANT_ACCESS, pi).getId(), GRANTED_ACCESS))
        .asString().startsWith("商家未在上线准备清单中登记");
    fire(pi, "BoundaryEvent_AccessRevocationOverdue", instant(LocalDate.of(2026, 12, 20), 0));
    assertThat(task(REVOKE_MERCHANT_ACCESS, pi)).hasCandidateGroup("managers").hasCandidateGroup("onboarding");
    Assertions.assertThat(task(REVOKE_MERCHANT_ACCESS, pi).getPriority()).isEqualTo(80);
    Assertions.assertThat(taskService().getTaskComments(task(REVOKE_MERCHANT_ACCESS, pi).getId()))
        .extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
        .anySatisfy(comment -> Assertions.assertThat(comment).contains("已升级给经理"));
    completeTask(pi, REVOKE_MERCHANT_ACCESS, revocation("2026-12-20"));
    assertThat(pi).hasPassed("EndEvent_AccessRevocationEscalated");
    completeTask(pi, FINAL_SETTLEMENT, settlement(null, "0"));

    // 1-17 December: 30,000.00 × 17 / 31 = 16,451.6129… → 16,451.61; the deposit is set off
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("FEES")).isEqualByComparingTo("16451.61");
    Assertions.assertThat((BigDecimal) s.get("PENALTIES")).isEqualByComparingTo("0.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("11451.61");

    // the merchant did not choose by 9 January (17 December + 30 days - 7): deleted by default (PIPL art. 47)
    fire(pi, "BoundaryEvent_DataChoiceDue", instant(LocalDate.of(2027, 1, 10), 0));
    assertThat(pi).hasPassed("ServiceTask_DeleteByDefault").isWaitingAt(RETURN_OR_DELETE_DATA)
        .variables().containsEntry(DATA_CHOICE, "DELETED");
    Assertions.assertThat(app.terms.dataChoice(contractId)).get().extracting(TermRecords.DataChoice::source)
        .isEqualTo(DataDisposals.BY_DEFAULT);
    Assertions.assertThat(taskService().getTaskComments(task(RETURN_OR_DELETE_DATA, pi).getId()))
        .extracting(org.camunda.bpm.engine.task.Comment::getFullMessage).anySatisfy(comment ->
            Assertions.assertThat(comment).contains("甲方未在选择期限内作出选择").contains("第四十七条"));
    // the data is not handled within the contract's 30 days: managers are told, the task stays
    fire(pi, "BoundaryEvent_DataDisposalOverdue", instant(LocalDate.of(2027, 1, 17), 0));
    assertThat(task(ESCALATE_DATA_DISPOSAL, pi)).hasCandidateGroup("managers");
    completeTask(pi, ESCALATE_DATA_DISPOSAL, Map.of("escalationAction", "已督促上线实施团队今日完成删除"));
    // returning the data against the default is refused; the default stands
    assertThatThrownBy(() -> complete(task(RETURN_OR_DELETE_DATA, pi), Map.of(STAFF_DATA_CHOICE, "RETURNED",
        DATA_DISPOSAL, "RETURNED", DATA_DISPOSED_ON, "2027-01-17", DATA_DISPOSAL_NOTE, "聊天记录与订单数据已加密打包发给商家")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("商家的选择已登记为“删除”").hasMessageContaining("不能更改")
        .hasMessageContaining("「处理方式」与商家的选择不符：商家选择了“删除”，只能登记“删除”");
    completeTask(pi, RETURN_OR_DELETE_DATA, Map.of(DATA_DISPOSAL, "DELETED", DATA_DISPOSED_ON, "2027-01-17",
        DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖，备份随 30 天轮换过期",
        DATA_DISPOSAL_NOTE, "子账号已注销，本地导出文件已粉碎，核验人：张运维"));
    assertThat(pi).isEnded().hasPassed("EndEvent_DataDisposalEscalated", "EndEvent_DataChoiceSettled",
        "EndEvent_AccessRevocationEscalated", "EndEvent_ContractEnded");
    Assertions.assertThat(app.mails(number)).containsExactly("TRIAL_EXIT", "DATA_CHOICE", "NOTICE_REPEATED",
        "FINAL_STATEMENT", "DATA_DISPOSED");
    Assertions.assertThat(app.outbox.findByContract(number).get(4).bodyText())
        .contains("贵司未在约定期限内选择返还或删除").contains("第四十七条").contains("下载数据删除证明（PDF）");
  }

  @Test
  void shouldTerminateOnNoticeThirtyCalendarDaysAfterReceiptWithThePenalty() {
    ProcessInstance pi = startTerm(0);
    assertThat(pi).isWaitingAt("TimerEvent_RenewalWindow").hasPassed("Gateway_RenewalWindow")
        .hasNotPassed("TimerEvent_TrialLastDay");

    clock(LocalDate.of(2027, 3, 10), 15);
    correlateNotice(notice("MERCHANT", "2027-03-10"));

    // received 10 March + 30 days = 9 April, the last day of service
    assertThat(pi).isWaitingAt("TimerEvent_ServiceEnds");
    Assertions.assertThat(app.terms.acceptedNotice(contractId)).get()
        .extracting(TermRecords.Notice::effectiveDate).isEqualTo(LocalDate.of(2027, 4, 9));
    Assertions.assertThat(app.mails(number)).containsExactly("NOTICE_ACKNOWLEDGED", "DATA_CHOICE");
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText())
        .contains("最后服务日：2027年4月9日").contains("提前解约违约金：20,000.00");

    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2027, 4, 10), 0));
    assertThat(pi).variables().containsEntry(PENALTY_DUE, "20,000.00").containsEntry(END_REASON, "书面通知解约");
    completeTask(pi, FINAL_SETTLEMENT, settlement("2027-02-28", "30000.00"));

    // March 30,000.00 + April 9/30 × 30,000.00 = 9,000.00; + February's unpaid invoice + the penalty
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("FEES")).isEqualByComparingTo("39000.00");
    Assertions.assertThat((BigDecimal) s.get("PENALTIES")).isEqualByComparingTo("20000.00");
    Assertions.assertThat((BigDecimal) s.get("AMOUNT_OWED")).isEqualByComparingTo("89000.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("84000.00");
  }

  @Test
  void shouldEndANoticePeriodWhoseLastDayIsAHolidayOnTheDayAfterTheHolidayAndChargeFeesToIt() {
    contractId = app.signedContract(LocalDate.of(2026, 3, 2), AppTables.signedClauses(0));
    number = app.contracts.get(contractId).contractNumber();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ServiceTermProcess.KEY, number, Map.of(
        ContractSigningProcess.Vars.CONTRACT_ID, contractId, ContractSigningProcess.Vars.CONTRACT_NUMBER, number,
        ContractSigningProcess.Vars.MERCHANT_NAME, "杭州小象旗舰店"));

    clock(LocalDate.of(2026, 9, 1), 15);
    correlateNotice(notice("MERCHANT", "2026-09-01"));

    // 30 days from the day after receipt (art. 201) end on 1 October, National Day (10-01 to 10-07): the
    // period ends on the day after the holiday (art. 203)
    Assertions.assertThat(app.terms.acceptedNotice(contractId)).get()
        .extracting(TermRecords.Notice::effectiveDate).isEqualTo(LocalDate.of(2026, 10, 8));
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText()).contains("最后服务日：2026年10月8日");
    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2026, 10, 9), 0));
    completeTask(pi, FINAL_SETTLEMENT, settlement("2026-09-30", "0"));

    // the fees run to the last day: 8 days of October at 30,000.00 a month (31 days) = 7,741.94
    Assertions.assertThat((BigDecimal) statement().get("FEES")).isEqualByComparingTo("7741.94");
  }

  @Test
  void shouldIssueTheDeletionCertificateInAJobAfterTheCompletionThatJoinsLast() {
    ProcessInstance pi = startTerm(0);
    clock(LocalDate.of(2027, 3, 10), 15);
    correlateNotice(notice("MERCHANT", "2027-03-10"));
    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2027, 4, 10), 0));
    completeTask(pi, FINAL_SETTLEMENT, settlement("2027-02-28", "0"));
    completeTask(pi, REVOKE_MERCHANT_ACCESS, revocation("2027-04-10"));
    clock(LocalDate.of(2027, 4, 12), 10);
    BpmnAwareTests.identityService().setAuthenticatedUserId("onboarding1");
    try {
      complete(task(RETURN_OR_DELETE_DATA, pi), Map.of(STAFF_DATA_CHOICE, "DELETED", DATA_CHOICE_SOURCE,
          "2027年4月11日王小明来电，要求删除", DATA_DISPOSAL, "DELETED", DATA_DISPOSED_ON, "2027-04-12",
          DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖，备份随 30 天轮换过期", DATA_DISPOSAL_NOTE, "核验人：张运维"));
    } finally {
      BpmnAwareTests.identityService().clearAuthentication();
    }

    // the completion is committed without the certificate: it waits in a job, with who recorded the disposal
    assertThat(pi).isWaitingAt(ServiceTermProcess.Elements.CONFIRM_DATA_DISPOSAL).variables()
        .containsEntry(DATA_DISPOSAL_RECORDED_BY, "onboarding1");
    Assertions.assertThat(app.certificates().of(contractId)).isEmpty();
    Assertions.assertThat(app.mails(number)).doesNotContain("DATA_DISPOSED");

    // the job runs without a logged-in user; the certificate still names who recorded the disposal
    execute(job(ServiceTermProcess.Elements.CONFIRM_DATA_DISPOSAL, pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_ContractEnded");
    Assertions.assertThat(app.certificates().of(contractId)).get()
        .satisfies(certificate -> Assertions.assertThat(certificate.recordedBy()).isEqualTo("onboarding1"));
    Assertions.assertThat(app.mails(number)).containsOnlyOnce("DATA_DISPOSED");
    Assertions.assertThat(app.contracts.get(contractId).status()).isEqualTo(ContractStatus.CLOSED.name());
  }

  @Test
  void shouldLetStaffCarryOutOnlyTheReturnTheMerchantChoseOnItsLinkPage() {
    ProcessInstance pi = startTerm(0);
    clock(LocalDate.of(2027, 3, 10), 15);
    correlateNotice(notice("MERCHANT", "2027-03-10"));
    // the service ends 9 April; the data is due 9 May; the merchant chooses by 2 May (timer as 3 May begins)
    assertThat(pi).variables().containsEntry(DATA_CHOICE_ROUND, 1)
        .containsEntry(DATA_CHOICE_DUE_AT, instant(LocalDate.of(2027, 5, 3), 0));

    // the merchant's answer on its link page (MerchantAnswers) records the choice so
    clock(LocalDate.of(2027, 3, 12), 10);
    DataDisposals data = app.dataDisposals(runtimeService());
    data.choose(runtimeService(), taskService(), pi.getId(), contractId, DataDisposal.RETURNED, DataDisposals.BY_LINK,
        "Excel 文件，加密压缩后发送至送达邮箱", "商家（邮件链接）");
    assertThat(pi).variables().containsEntry(DATA_CHOICE, "RETURNED")
        .containsEntry(DATA_CHOICE_LABEL, "甲方于 2027年3月12日 通过邮件链接选择：返还（Excel 文件，加密压缩后发送至送达邮箱）");
    // a second choice changes nothing
    assertThatThrownBy(() -> data.choose(runtimeService(), taskService(), pi.getId(), contractId, DataDisposal.DELETED,
        DataDisposals.BY_STAFF, "来电", "onboarding1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("已登记过，不能更改");

    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2027, 4, 10), 0));
    completeTask(pi, FINAL_SETTLEMENT, settlement("2027-02-28", "0"));
    // staff may not delete what the merchant asked to have returned, nor change its choice
    Map<String, Object> deletion = new HashMap<>(Map.of(DATA_DISPOSAL, "DELETED", DATA_DISPOSED_ON, "2027-04-12",
        DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖，备份随 30 天轮换过期", DATA_DISPOSAL_NOTE, "核验人：张运维"));
    assertThatThrownBy(() -> complete(task(RETURN_OR_DELETE_DATA, pi), deletion))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「处理方式」与商家的选择不符：商家选择了“返还”，只能登记“返还”（合同第三条、《个人信息保护法》第二十一条");
    deletion.put(STAFF_DATA_CHOICE, "DELETED");
    assertThatThrownBy(() -> complete(task(RETURN_OR_DELETE_DATA, pi), deletion))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("商家的选择已登记为“返还”");
    assertThat(pi).isWaitingAt(RETURN_OR_DELETE_DATA);
    Assertions.assertThat(app.terms.dataDisposal(contractId)).isEmpty();

    // the choice's deadline passes after the merchant chose: the choice stands
    fire(pi, "BoundaryEvent_DataChoiceDue", instant(LocalDate.of(2027, 5, 3), 0));
    assertThat(pi).hasPassed("EndEvent_DataChoiceSettled").variables().containsEntry(DATA_CHOICE, "RETURNED");

    completeTask(pi, RETURN_OR_DELETE_DATA, Map.of(DATA_DISPOSAL, "RETURNED", DATA_DISPOSED_ON, "2027-04-12",
        DATA_DISPOSAL_NOTE, "聊天记录与订单数据导出为 Excel，加密压缩后于 4 月 12 日发送至送达邮箱，本地副本已删除"));
    // the contract closes only once the access is revoked too; a revocation before the last day of service
    // (9 April) or without saying what was revoked is refused and changes nothing
    assertThat(pi).isWaitingAt(REVOKE_MERCHANT_ACCESS).hasNotPassed("EndEvent_ContractEnded");
    assertThatThrownBy(() -> complete(task(REVOKE_MERCHANT_ACCESS, pi), revocation("2027-04-08")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("回收日期").hasMessageContaining("不能早于最后服务日");
    assertThatThrownBy(() -> complete(task(REVOKE_MERCHANT_ACCESS, pi),
        Map.of(REVOKED_ACCESS, " ", ACCESS_REVOKED_ON, "2027-04-10")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("已回收的账号和权限");
    Assertions.assertThat(new com.bpocontractflow.onboarding.MerchantAccessRevocations(app.jdbc).of(contractId)).isEmpty();
    completeTask(pi, REVOKE_MERCHANT_ACCESS, revocation("2027-04-10"));
    assertThat(pi).isEnded().hasPassed("EndEvent_ContractEnded");
    Assertions.assertThat(app.terms.dataDisposal(contractId)).contains("RETURNED");
    Assertions.assertThat(app.certificates().of(contractId)).isEmpty();
    Assertions.assertThat(app.mails(number)).containsExactly("NOTICE_ACKNOWLEDGED", "DATA_CHOICE", "FINAL_STATEMENT",
        "DATA_DISPOSED");
    var disposed = app.outbox.findByContract(number).get(3);
    Assertions.assertThat(disposed.subject()).contains("客户数据已返还");
    Assertions.assertThat(disposed.bodyText()).contains("处理日期：2027年4月12日")
        .contains("返还方式：聊天记录与订单数据导出为 Excel").doesNotContain("数据删除证明");
  }

  @Test
  void shouldLetAContractWithoutTrialRunToItsEndAndSettleWithTheDepositRefunded() {
    Map<String, Object> clauses = AppTables.signedClauses(0);
    clauses.put("depositHandling", "REFUND");
    contractId = app.signedContract(GO_LIVE, clauses);
    number = app.contracts.get(contractId).contractNumber();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ServiceTermProcess.KEY, number, Map.of(
        ContractSigningProcess.Vars.CONTRACT_ID, contractId, ContractSigningProcess.Vars.CONTRACT_NUMBER, number));

    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    completeTask(pi, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "EXPIRE", RENEWAL_NOTE, "商家不再续签"));
    fire(pi, "TimerEvent_TermEnds", instant(LocalDate.of(2027, 12, 1), 0));

    assertThat(pi).isWaitingAt(FINAL_SETTLEMENT).hasPassed("EndEvent_Expired");
    completeTask(pi, FINAL_SETTLEMENT, settlement("2027-11-30", "0"));
    // everything invoiced and paid: the deposit comes back in full
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("FEES")).isEqualByComparingTo("0.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("0.00");
    Assertions.assertThat((BigDecimal) s.get("PROVIDER_REFUNDS")).isEqualByComparingTo("5000.00");
    Assertions.assertThat(statementText()).contains("我方退还：5,000.00");
  }

  /**
   * #17: a final statement that refunds the deposit asks finance to confirm the bank paid it, within 5 working
   * days; late, managers are asked too. Bad input is refused; the confirmation is recorded and the merchant told.
   */
  @Test
  void shouldAskFinanceToConfirmTheRefundEscalateWhenLateAndTellTheMerchant() {
    Map<String, Object> clauses = AppTables.signedClauses(0);
    clauses.put("depositHandling", "REFUND");
    ProcessInstance pi = startTerm(clauses);
    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    completeTask(pi, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "EXPIRE", RENEWAL_NOTE, "商家不再续签"));
    fire(pi, "TimerEvent_TermEnds", instant(LocalDate.of(2027, 12, 1), 0));
    completeTask(pi, FINAL_SETTLEMENT, settlement("2027-11-30", "0"));

    // the data and the refund run side by side; 5 working days from Wednesday 1 December: Wednesday 8 December
    assertThat(pi).isWaitingAt(CONFIRM_REFUND_PAID, RETURN_OR_DELETE_DATA)
        .variables().containsEntry(REFUND_DUE, true).containsEntry(PROVIDER_REFUNDS, "5,000.00");
    assertThat(task(CONFIRM_REFUND_PAID, pi)).hasCandidateGroup("finance")
        .hasDueDate(instant(LocalDate.of(2027, 12, 8), 9));

    clock(LocalDate.of(2027, 12, 3), 10);
    Map<String, Object> bad = Map.of(REFUND_PAID_ON, "2027-12-06", REFUND_BANK_REFERENCE, "  ");
    assertThatThrownBy(() -> complete(task(CONFIRM_REFUND_PAID, pi), bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「最终结算·退款支付日期」不能晚于今天")
        .hasMessageContaining("「最终结算·银行流水号」");
    assertThat(pi).isWaitingAt(CONFIRM_REFUND_PAID);
    Assertions.assertThat(app.refunds().confirmation(contractId)).isEmpty();

    // not confirmed when due: managers are asked (due 2 working days later), the finance task stays open
    fire(pi, "BoundaryEvent_RefundConfirmOverdue", instant(LocalDate.of(2027, 12, 8), 9));
    assertThat(task(ESCALATE_REFUND, pi)).hasCandidateGroup("managers")
        .hasDueDate(instant(LocalDate.of(2027, 12, 10), 9));
    completeTask(pi, ESCALATE_REFUND, Map.of("escalationAction", "已督促财务当日付款"));
    assertThat(pi).hasPassed("EndEvent_RefundEscalated").isWaitingAt(CONFIRM_REFUND_PAID);

    clock(LocalDate.of(2027, 12, 9), 15);
    engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("li.finance");
    try {
      completeTask(pi, CONFIRM_REFUND_PAID, Map.of(REFUND_PAID_ON, "2027-12-09",
          REFUND_BANK_REFERENCE, " ICBC-20271209-0042 "));
    } finally {
      engine.getProcessEngine().getIdentityService().clearAuthentication();
    }
    assertThat(pi).hasPassed("EndEvent_RefundPaid").isWaitingAt(RETURN_OR_DELETE_DATA);
    Assertions.assertThat(app.refunds().confirmation(contractId)).get().satisfies(c -> {
      Assertions.assertThat(c.amount()).isEqualByComparingTo("5000.00");
      Assertions.assertThat(c.paidOn()).isEqualTo(LocalDate.of(2027, 12, 9));
      Assertions.assertThat(c.bankReference()).isEqualTo("ICBC-20271209-0042");
      Assertions.assertThat(c.confirmedBy()).isEqualTo("li.finance");
    });
    var mails = app.outbox.findByContract(number);
    var refund = mails.get(mails.size() - 1);
    Assertions.assertThat(refund.template()).isEqualTo("REFUND_PAID");
    Assertions.assertThat(refund.subject()).isEqualTo("【合同编号 " + number + "】退款已支付：5,000.00 元");
    Assertions.assertThat(refund.bodyText()).contains("尊敬的 王小明（杭州小象旗舰店）")
        .contains("退款金额：5,000.00 元").contains("支付日期：2027年12月9日").contains("银行流水号：ICBC-20271209-0042");
    Assertions.assertThat(refund.bodyHtml()).contains("5,000.00 元").contains("2027年12月9日")
        .contains("ICBC-20271209-0042");
  }

  @Test
  void shouldNotChargeThePenaltyWhenTheProviderGivesNoticeOrTheMerchantHasCause() {
    ProcessInstance pi = startTerm(0);
    clock(LocalDate.of(2027, 3, 10), 15);
    Map<String, Object> withCause = notice("MERCHANT", "2027-03-10");
    withCause.put(TERMINATION_WITH_CAUSE, true);
    correlateNotice(withCause);
    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2027, 4, 10), 0));
    assertThat(pi).variables().containsEntry(PENALTY_DUE, "0.00");
  }

  @Test
  void shouldChargeTheProvidersOwnPenaltyToTheProviderWhenItGivesNoticeWithoutCause() {
    Map<String, Object> clauses = AppTables.signedClauses(0);
    clauses.put("providerEarlyTerminationPenalty", "15000.00");
    ProcessInstance pi = startTerm(clauses);
    clock(LocalDate.of(2027, 3, 10), 15);
    correlateNotice(notice("PROVIDER", "2027-03-10"));

    // the same notice days as the merchant's: received 10 March + 30 days = 9 April
    Assertions.assertThat(app.terms.acceptedNotice(contractId)).get()
        .extracting(TermRecords.Notice::party, TermRecords.Notice::effectiveDate)
        .containsExactly(com.bpocontractflow.contract.Party.PROVIDER, LocalDate.of(2027, 4, 9));
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText())
        .contains("我方已向贵司发出书面解约通知", "最后服务日：2027年4月9日", "我方提前解约违约金：15,000.00")
        .doesNotContain("提前解约违约金：20,000.00");

    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2027, 4, 10), 0));
    assertThat(pi).variables().containsEntry(PENALTY_DUE, "0.00").containsEntry(PROVIDER_PENALTY_DUE, "15,000.00")
        .containsEntry(END_REASON, "书面通知解约");
    completeTask(pi, FINAL_SETTLEMENT, settlement("2027-02-28", "30000.00"));

    // fees 39,000.00 + unpaid 30,000.00 = 69,000.00 owed by the merchant, no merchant penalty; the provider's
    // 15,000.00 set off → 54,000.00; the bond 5,000.00 set off → 49,000.00 to pay
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("PENALTIES")).isEqualByComparingTo("0.00");
    Assertions.assertThat((BigDecimal) s.get("PROVIDER_PENALTY")).isEqualByComparingTo("15000.00");
    Assertions.assertThat((BigDecimal) s.get("AMOUNT_OWED")).isEqualByComparingTo("69000.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("49000.00");
    Assertions.assertThat((BigDecimal) s.get("PROVIDER_REFUNDS")).isEqualByComparingTo("0.00");
    Assertions.assertThat(statementText())
        .contains("我方应付违约金：15,000.00", "抵扣贵司应付款项（《民法典》第五百六十八条）", "贵司应付：49,000.00");
  }

  @Test
  void shouldEndANoticeReceivedDuringTheTrialByTheTrialExitRuleWithoutPenaltyForEitherParty() {
    for (String party : List.of("MERCHANT", "PROVIDER")) {
      Map<String, Object> clauses = AppTables.signedClauses(14);
      clauses.put("providerEarlyTerminationPenalty", "15000.00");
      ProcessInstance pi = startTerm(clauses);
      clock(LocalDate.of(2026, 12, 5), 10);
      correlateNotice(notice(party, "2026-12-05"));

      // the trial's exit notice of 3 days, not the 30 days of a termination: service until 8 December
      assertThat(pi).isWaitingAt("TimerEvent_ServiceEnds").hasPassed("ServiceTask_RecordNotice");
      Assertions.assertThat(app.terms.get(contractId).lastServiceDay()).isEqualTo(LocalDate.of(2026, 12, 8));
      Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText())
          .contains("通知在试用期内送达", "双方互不承担违约责任", "最后服务日：2026年12月8日").doesNotContain("违约金：");

      fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2026, 12, 9), 0));
      assertThat(pi).variables().containsEntry(END_REASON, "试用期退出").containsEntry(PENALTY_DUE, "0.00")
          .containsEntry(PROVIDER_PENALTY_DUE, "0.00");
      completeTask(pi, FINAL_SETTLEMENT, settlement(null, "0"));

      // 1-8 December: 30,000.00 × 8 / 31 = 7,741.935… → 7,741.94, no penalty; the bond 5,000.00 set off
      Map<String, Object> s = statement();
      Assertions.assertThat((BigDecimal) s.get("FEES")).isEqualByComparingTo("7741.94");
      Assertions.assertThat((BigDecimal) s.get("PENALTIES")).isEqualByComparingTo("0.00");
      Assertions.assertThat((BigDecimal) s.get("PROVIDER_PENALTY")).isEqualByComparingTo("0.00");
      Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("2741.94");
      clock(GO_LIVE, 9);
    }
  }

  @Test
  void shouldRefuseNoticesDatedInTheFutureOrBeforeGoLiveOrIncompleteAndChangeNothing() {
    ProcessInstance pi = startTerm(14);
    clock(LocalDate.of(2026, 12, 5), 10);

    assertThatThrownBy(() -> correlateNotice(notice("MERCHANT", "2026-12-06")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> correlateNotice(notice("MERCHANT", "2026-11-30")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("早于上线日期");
    assertThatThrownBy(() -> correlateNotice(notice("SOMEONE", "2026-12-05")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("通知方");
    Map<String, Object> noReason = notice("PROVIDER", "2026-12-05");
    noReason.remove(TERMINATION_REASON);
    assertThatThrownBy(() -> correlateNotice(noReason))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("解约原因");

    assertThat(pi).isWaitingAt("TimerEvent_TrialLastDay");
    Assertions.assertThat(app.terms.notices(contractId, TermRecords.ACCEPTED)).isZero();
    Assertions.assertThat(app.terms.get(contractId).endReason()).isNull();
    Assertions.assertThat(app.mails(number)).isEmpty();
  }

  @Test
  void shouldRefuseInvalidTaskInputAndKeepTheTaskOpen() {
    ProcessInstance pi = startTerm(14);
    fire(pi, "TimerEvent_TrialLastDay", instant(LocalDate.of(2026, 12, 14), 9));
    assertThatThrownBy(() -> complete(task(REVIEW_TRIAL, pi), Map.of(TRIAL_OUTCOME, "MAYBE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("试用结果").hasMessageContaining("评估意见");
    completeTask(pi, REVIEW_TRIAL, Map.of(TRIAL_OUTCOME, "CONTINUE", TRIAL_REVIEW_NOTE, "继续合作"));
    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    assertThatThrownBy(() -> complete(task(NEGOTIATE_RENEWAL, pi), Map.of(RENEWAL_DECISION, "RENEW",
        RENEWAL_NOTE, "续签")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("续签期限");
    assertThat(pi).isWaitingAt(NEGOTIATE_RENEWAL);
  }

  // --- the deposit's kind in the final settlement (issue #11) --------------------------------------------

  /** No trial, a 定金 of 5,000.00 (within 20 % of 5 × 6,000.00 × 12 = 360,000.00), paid in full. */
  static Map<String, Object> dingjinClauses() {
    Map<String, Object> clauses = AppTables.signedClauses(0);
    clauses.put("depositKind", "DINGJIN");
    return clauses;
  }

  /** The merchant's notice received 10 March 2027: the service ends 9 April, settlement due. */
  ProcessInstance terminatedByTheMerchant(boolean withCause) {
    ProcessInstance pi = startTerm(dingjinClauses());
    clock(LocalDate.of(2027, 3, 10), 15);
    Map<String, Object> notice = notice("MERCHANT", "2027-03-10");
    notice.put(TERMINATION_WITH_CAUSE, withCause);
    correlateNotice(notice);
    fire(pi, "TimerEvent_ServiceEnds", instant(LocalDate.of(2027, 4, 10), 0));
    assertThat(pi).isWaitingAt(FINAL_SETTLEMENT).variables().containsEntry(DEPOSIT_KIND, "DINGJIN")
        .containsEntry(DEPOSIT_KIND_LABEL, "定金");
    return pi;
  }

  String statementText() {
    return app.outbox.findByContract(number).stream().filter(m -> m.template().equals("FINAL_STATEMENT")).findFirst()
        .orElseThrow().bodyText();
  }

  @Test
  void shouldCreditADingjinAndChargeThePenaltyAfterATerminationByNoticeTheContractAllows() {
    ProcessInstance pi = terminatedByTheMerchant(false);
    Map<String, Object> values = settlement("2027-02-28", "30000.00");
    values.put(PURPOSE_DEFEATED_BY, "NONE");
    completeTask(pi, FINAL_SETTLEMENT, values);

    // March 30,000.00 + April 9/30 × 30,000.00 = 9,000.00 → 39,000.00; + unpaid 30,000.00 + penalty 20,000.00
    // = 89,000.00; the 定金 5,000.00 credited (no 定金罚则 for a notice the contract allows): 84,000.00
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("PENALTIES")).isEqualByComparingTo("20000.00");
    Assertions.assertThat((BigDecimal) s.get("AMOUNT_OWED")).isEqualByComparingTo("89000.00");
    Assertions.assertThat((BigDecimal) s.get("DEPOSIT_SET_OFF")).isEqualByComparingTo("5000.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("84000.00");
    Assertions.assertThat((BigDecimal) s.get("DINGJIN")).isEqualByComparingTo("5000.00");
    Assertions.assertThat((BigDecimal) s.get("DEPOSIT_FORFEITED")).isEqualByComparingTo("0.00");
    Assertions.assertThat(s).containsEntry("DEPOSIT_KIND", "DINGJIN")
        .containsEntry("DEPOSIT_OUTCOME", "DINGJIN_CREDITED_OR_RETURNED").containsEntry("PURPOSE_DEFEATED_BY", null);
    Assertions.assertThat(statementText()).contains("已付定金：5,000.00（抵扣尾款）", "定金抵扣：5,000.00",
        "定金处理依据：合同未因一方违约而不能实现合同目的，定金 5,000.00 元抵作价款，抵扣贵司应付款项（《民法典》第五百八十七条）。"
            + "按合同约定提前通知解除不适用定金罚则，违约金 20,000.00 元按合同约定计收。", "贵司应付：84,000.00");
  }

  @Test
  void shouldApplyOnlyThePenaltyOrTheDingjinWhenTheMerchantsBreachDefeatedThePurpose() {
    ProcessInstance pi = terminatedByTheMerchant(false);
    Map<String, Object> values = settlement("2027-02-28", "30000.00");
    values.put(PURPOSE_DEFEATED_BY, "MERCHANT");
    // the breach must be stated
    assertThatThrownBy(() -> complete(task(FINAL_SETTLEMENT, pi), values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请填写「结算说明（写明致使不能实现合同目的的违约事实）」");
    assertThat(pi).isWaitingAt(FINAL_SETTLEMENT);

    values.put(SETTLEMENT_NOTE, "商家自 3 月 1 日起停止提供商品资料和售后权限，客服无法继续服务");
    completeTask(pi, FINAL_SETTLEMENT, values);

    // penalty 20,000.00 > 定金 5,000.00: the penalty applies (art. 588), the 定金 is credited; the amounts
    // are those of a notice without the 定金罚则: 89,000.00 owed − 5,000.00 = 84,000.00
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("PENALTIES")).isEqualByComparingTo("20000.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("84000.00");
    Assertions.assertThat(s).containsEntry("DEPOSIT_OUTCOME", "PENALTY_INSTEAD_OF_DINGJIN")
        .containsEntry("PURPOSE_DEFEATED_BY", "MERCHANT");
    Assertions.assertThat(statementText()).contains("定金处理依据：贵司违约致使不能实现合同目的。合同既约定定金又约定违约金，"
        + "守约方只能选择适用其一（《民法典》第五百八十八条）：违约金 20,000.00 元高于定金 5,000.00 元，对守约方我方更有利，"
        + "故适用违约金条款；定金不再按定金罚则处理，抵作价款，抵扣贵司应付款项。", "说明：商家自 3 月 1 日起停止提供商品资料");
  }

  @Test
  void shouldReturnTheDingjinDoubleWhenTheProvidersBreachDefeatedThePurpose() {
    ProcessInstance pi = terminatedByTheMerchant(true);
    Map<String, Object> values = settlement("2027-02-28", "30000.00");
    values.put(PURPOSE_DEFEATED_BY, "PROVIDER");
    values.put(SETTLEMENT_NOTE, "我方连续两个月首次响应超时，商家据此解除合同");
    completeTask(pi, FINAL_SETTLEMENT, values);

    // fees 39,000.00 + unpaid 30,000.00 = 69,000.00 (with cause: no penalty); 5,000.00 × 2 = 10,000.00 set
    // off: 59,000.00 to pay
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("AMOUNT_OWED")).isEqualByComparingTo("69000.00");
    Assertions.assertThat((BigDecimal) s.get("DEPOSIT_RETURNED_DOUBLE")).isEqualByComparingTo("10000.00");
    Assertions.assertThat((BigDecimal) s.get("DEPOSIT_SET_OFF")).isEqualByComparingTo("10000.00");
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("59000.00");
    Assertions.assertThat(statementText()).contains("双倍返还定金：10,000.00", "定金抵扣：10,000.00", "贵司应付：59,000.00");
  }

  @Test
  void shouldRefuseADingjinPenaltyForASecurityDepositOrAContractThatExpired() {
    // the standard template's 履约保证金
    ProcessInstance bond = startTerm(0);
    fire(bond, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    completeTask(bond, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "EXPIRE", RENEWAL_NOTE, "商家不再续签"));
    fire(bond, "TimerEvent_TermEnds", instant(LocalDate.of(2027, 12, 1), 0));
    assertThat(bond).variables().containsEntry(DEPOSIT_KIND, "PERFORMANCE_BOND")
        .containsEntry(DEPOSIT_KIND_LABEL, "履约保证金");
    Map<String, Object> values = settlement("2027-11-30", "0");
    values.put(PURPOSE_DEFEATED_BY, "MERCHANT");
    values.put(SETTLEMENT_NOTE, "商家拒绝配合交接");
    assertThatThrownBy(() -> complete(task(FINAL_SETTLEMENT, bond), values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「定金罚则·致使不能实现合同目的的违约方」只适用于定金：本合同约定的不是定金，不适用定金罚则，请选择“无”");
    assertThat(bond).isWaitingAt(FINAL_SETTLEMENT);
  }

  @Test
  void shouldRefuseADingjinPenaltyWhenTheContractRanToItsEnd() {
    ProcessInstance pi = startTerm(dingjinClauses());
    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    completeTask(pi, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "EXPIRE", RENEWAL_NOTE, "商家不再续签"));
    fire(pi, "TimerEvent_TermEnds", instant(LocalDate.of(2027, 12, 1), 0));
    Map<String, Object> values = settlement("2027-11-30", "0");
    values.put(PURPOSE_DEFEATED_BY, "PROVIDER");
    values.put(SETTLEMENT_NOTE, "商家认为服务质量不达标");
    assertThatThrownBy(() -> complete(task(FINAL_SETTLEMENT, pi), values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("合同到期或试用期退出属于按约履行或按约定解除，不适用定金罚则，请选择“无”");

    // performed: the 定金 5,000.00 is credited; everything was invoiced and paid, so it comes back
    values.put(PURPOSE_DEFEATED_BY, "NONE");
    completeTask(pi, FINAL_SETTLEMENT, values);
    Map<String, Object> s = statement();
    Assertions.assertThat((BigDecimal) s.get("MERCHANT_PAYS")).isEqualByComparingTo("0.00");
    Assertions.assertThat((BigDecimal) s.get("PROVIDER_REFUNDS")).isEqualByComparingTo("5000.00");
    Assertions.assertThat(s).containsEntry("DEPOSIT_OUTCOME", "DINGJIN_CREDITED_OR_RETURNED");
  }

  @Test
  void shouldEscalateAnUndecidedTrialReviewToManagersAndContinueByDefaultWhenTheTrialEnds() {
    ProcessInstance pi = startTerm(14);
    fire(pi, "TimerEvent_TrialLastDay", instant(LocalDate.of(2026, 12, 14), 9));
    // due when the trial ends: the first moment of 15 December
    assertThat(task(REVIEW_TRIAL, pi)).hasDueDate(instant(LocalDate.of(2026, 12, 15), 0)).hasCandidateGroup("sales");

    // nine hours before (bpo.term.trial-escalation-before-due): managers are offered the same task
    fire(pi, "BoundaryEvent_TrialReviewEscalationDue", instant(LocalDate.of(2026, 12, 14), 15));
    org.camunda.bpm.engine.task.Task review = task(REVIEW_TRIAL, pi);
    assertThat(review).hasCandidateGroup("managers").hasCandidateGroup("sales");
    Assertions.assertThat(review.getPriority()).isEqualTo(80);
    Assertions.assertThat(BpmnAwareTests.taskService().getTaskComments(review.getId()))
        .extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
        .containsExactly("即将到期仍未处理，已升级给经理：到期日前未决定的，按合同默认继续履行");

    // nobody decided by the end of the trial: the contract continues, as it says
    fire(pi, "BoundaryEvent_TrialDecisionDue", instant(LocalDate.of(2026, 12, 15), 0));
    assertThat(pi).hasPassed("ServiceTask_TrialContinuesByDefault").hasNotPassed("EndEvent_TrialExit")
        .isWaitingAt("TimerEvent_RenewalWindow");
    assertThat(pi).variables().containsEntry(TRIAL_OUTCOME, "CONTINUE");
    Assertions.assertThat(BpmnAwareTests.taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void shouldLetTheContractExpireAtTheTermsEndWhenNobodyDecidesAboutRenewing() {
    ProcessInstance pi = startTerm(0);
    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 1), 9));
    // the term's last day is 30 November 2027: the decision is due that morning
    assertThat(task(NEGOTIATE_RENEWAL, pi)).hasDueDate(instant(LocalDate.of(2027, 11, 30), 9));

    // three days before (bpo.term.renewal-escalation-before-due)
    fire(pi, "BoundaryEvent_RenewalEscalationDue", instant(LocalDate.of(2027, 11, 27), 9));
    org.camunda.bpm.engine.task.Task renewal = task(NEGOTIATE_RENEWAL, pi);
    assertThat(renewal).hasCandidateGroup("managers");
    Assertions.assertThat(renewal.getPriority()).isEqualTo(80);
    Assertions.assertThat(BpmnAwareTests.taskService().getTaskComments(renewal.getId()))
        .extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
        .containsExactly("即将到期仍未处理，已升级给经理：到期日前未决定的，合同按约定到期终止");

    fire(pi, "BoundaryEvent_RenewalDecisionDue", instant(LocalDate.of(2027, 11, 30), 9));
    assertThat(pi).hasPassed("ServiceTask_ExpiresByDefault").isWaitingAt("TimerEvent_TermEnds");
    assertThat(pi).variables().containsEntry(RENEWAL_DECISION, "EXPIRE");
    fire(pi, "TimerEvent_TermEnds", instant(LocalDate.of(2027, 12, 1), 0));
    assertThat(pi).isWaitingAt(FINAL_SETTLEMENT).hasPassed("EndEvent_Expired");
    assertThat(pi).variables().containsEntry(LAST_SERVICE_DAY, "2027-11-30");
  }

  // ---- the monthly SLA figures (issue #14 item 5) ----

  Map<String, Object> slaFigures() {
    Map<String, Object> v = new HashMap<>();
    v.put("firstReplyOnTimePercent", "96.5");
    v.put("averageFirstReplySeconds", 40);
    v.put("resolvedOnTimePercent", "97");
    v.put("satisfactionPercent", "93");
    v.put("badReviewPercent", "0.4");
    v.put("complaints", 2);
    v.put("periodFees", "30000.00");
    return v;
  }

  /** The SubProcess_SlaFigures instances waiting, by the period each asks for (start..end). */
  List<String> periodsAwaited(ProcessInstance pi) {
    return runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventName(ServiceTermProcess.Messages.SLA_FIGURES_SUBMITTED).list().stream()
        .map(e -> runtimeService().getVariableLocal(e.getExecutionId(), SLA_PERIOD_START) + ".."
            + runtimeService().getVariableLocal(e.getExecutionId(), SLA_PERIOD_END))
        .sorted().toList();
  }

  @Test
  void shouldAskEachMonthsSlaFiguresOnItsFirstWorkingDayOnceEachAndEnterThemWhenNoneArrive() {
    // live since Monday 14 September 2026: September's figures are asked on 8 October, the first working day
    // after the National Day holiday (1-7 October)
    LocalDate goLive = LocalDate.of(2026, 9, 14);
    clock(goLive, 9);
    contractId = app.signedContract(goLive, AppTables.signedClauses(0));
    number = app.contracts.get(contractId).contractNumber();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(ServiceTermProcess.KEY, number, Map.of(
        ContractSigningProcess.Vars.CONTRACT_ID, contractId, ContractSigningProcess.Vars.CONTRACT_NUMBER, number,
        ContractSigningProcess.Vars.MERCHANT_NAME, "杭州小象旗舰店"));
    fire(pi, "StartEvent_SlaPeriodsBegin", instant(LocalDate.of(2026, 10, 8), 9));
    Assertions.assertThat(periodsAwaited(pi)).containsExactly("2026-09-14..2026-09-30");
    // the customer-service system submits figures that do not cover the period: still awaited
    com.bpocontractflow.sla.SlaPeriodsAccess.submitted(runtimeService(), number, LocalDate.of(2026, 9, 20),
        LocalDate.of(2026, 9, 30));
    Assertions.assertThat(periodsAwaited(pi)).containsExactly("2026-09-14..2026-09-30");
    // then the period's figures: nothing more is asked for September
    com.bpocontractflow.sla.SlaPeriodsAccess.submitted(runtimeService(), number, LocalDate.of(2026, 9, 14),
        LocalDate.of(2026, 9, 30));
    assertThat(pi).hasPassed("EndEvent_SlaFiguresSubmitted");
    Assertions.assertThat(periodsAwaited(pi)).isEmpty();
    Assertions.assertThat(managementService().createJobQuery().activityId("TimerEvent_SlaFiguresWait").count()).isZero();

    // October's on Monday 2 November (1 November is a Sunday); the system sends nothing within the wait (P3D)
    fire(pi, "TimerEvent_NextSlaPeriod", instant(LocalDate.of(2026, 11, 2), 9));
    Assertions.assertThat(periodsAwaited(pi)).containsExactly("2026-10-01..2026-10-31");
    execute(timer(pi, "TimerEvent_SlaFiguresWait"));
    org.camunda.bpm.engine.task.Task entry = task(ENTER_SLA_FIGURES, pi);
    assertThat(entry).hasCandidateGroup("onboarding");
    Assertions.assertThat(entry.getDueDate()).isNotNull();
    Assertions.assertThat(taskService().getVariables(entry.getId())).containsEntry(SLA_PERIOD_START, "2026-10-01")
        .containsEntry(SLA_PERIOD_END, "2026-10-31");
    // not entered by its due date: managers too
    execute(timer(pi, "BoundaryEvent_SlaFiguresEntryDue"));
    assertThat(task(ENTER_SLA_FIGURES, pi)).hasCandidateGroup("managers");
    Assertions.assertThat(task(ENTER_SLA_FIGURES, pi).getPriority()).isEqualTo(80);
    // the figures are checked by the rules of the step
    Map<String, Object> wrong = slaFigures();
    wrong.put("satisfactionPercent", "130");
    assertThatThrownBy(() -> complete(task(ENTER_SLA_FIGURES, pi), wrong))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("客户满意度（%）");
    complete(task(ENTER_SLA_FIGURES, pi), slaFigures());
    ProcessInstance review = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(com.bpocontractflow.sla.SlaReviewProcess.KEY).processInstanceBusinessKey(number).singleResult();
    Assertions.assertThat(runtimeService().getVariables(review.getId())).containsEntry("periodStart", "2026-10-01")
        .containsEntry("periodEnd", "2026-10-31").containsEntry("contractNumber", number)
        .containsEntry("satisfactionPercent", "93").containsEntry("complaints", 2)
        .containsEntry(com.bpocontractflow.sla.SlaPeriods.ENTERED_IN_TASK, true);
    assertThat(pi).hasPassed("EndEvent_SlaFiguresEntered", "EndEvent_SlaPeriodDone", "EndEvent_SlaFiguresEscalated");
    // the figures left contract-term: next month's task starts empty
    Assertions.assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys("satisfactionPercent", "complaints");

    // November's figures were submitted before they were asked; the server was down from 30 November to
    // 20 January: on restart, November (asked for 1 December) asks nothing, then December is asked once
    new com.bpocontractflow.sla.SlaReviews(app.jdbc).record(contractId, "pi", new com.bpocontractflow.sla.SlaReviews.Figures(
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), new BigDecimal("96"), 40, new BigDecimal("97"),
        new BigDecimal("93"), new BigDecimal("0.5"), 1, new BigDecimal("30000.00")), 0, "", null);
    clock(LocalDate.of(2027, 1, 20), 10);
    Job december = timer(pi, "TimerEvent_NextSlaPeriod");
    Assertions.assertThat(december.getDuedate()).isEqualTo(instant(LocalDate.of(2026, 12, 1), 9));
    execute(december);
    assertThat(pi).hasPassed("EndEvent_SlaFiguresAlreadyIn");
    Assertions.assertThat(periodsAwaited(pi)).isEmpty();
    execute(timer(pi, "TimerEvent_NextSlaPeriod"));
    Assertions.assertThat(periodsAwaited(pi)).containsExactly("2026-12-01..2026-12-31");
    // the next ask is February's first working day, ahead of the clock: January is not asked twice
    Assertions.assertThat(timer(pi, "TimerEvent_NextSlaPeriod").getDuedate()).isEqualTo(instant(LocalDate.of(2027, 2, 1), 9));
  }

  @Test
  void shouldExtendTheTermAndMoveItsEndDateTimersByFreeExtensionDays() {
    ProcessInstance pi = startTerm(0);
    ServiceTerm term = (ServiceTerm) Mocks.get("serviceTerm");
    // 12 months end on 30 November 2027; a review awards 7 free days: 7 December
    Assertions.assertThat(term.extendTerm(engine.getProcessEngine(), contractId, 7)).isEqualTo(LocalDate.of(2027, 12, 7));
    Assertions.assertThat(app.terms.get(contractId).termLastDay()).isEqualTo(LocalDate.of(2027, 12, 7));
    Assertions.assertThat(app.terms.freeExtensionDays(contractId)).isEqualTo(7);
    assertThat(pi).variables().containsEntry(TERM_LAST_DAY, "2027-12-07").containsEntry(FREE_EXTENSION_DAYS_TOTAL, 7);
    // the renewal talks open 30 days before the new end
    fire(pi, "TimerEvent_RenewalWindow", instant(LocalDate.of(2027, 11, 8), 9));
    Assertions.assertThat(app.outbox.findByContract(number).get(0).bodyText()).contains("合同到期日：2027年12月7日")
        .contains("其中服务水平赔偿免费延长：7 天");
    assertThat(task(NEGOTIATE_RENEWAL, pi)).hasDueDate(instant(LocalDate.of(2027, 12, 7), 9));
    // a further award while renewal is negotiated: the task's due date and its timers move too
    Assertions.assertThat(term.extendTerm(engine.getProcessEngine(), contractId, 3)).isEqualTo(LocalDate.of(2027, 12, 10));
    assertThat(task(NEGOTIATE_RENEWAL, pi)).hasDueDate(instant(LocalDate.of(2027, 12, 10), 9));
    Assertions.assertThat(timer(pi, "BoundaryEvent_RenewalDecisionDue").getDuedate())
        .isEqualTo(instant(LocalDate.of(2027, 12, 10), 9));
    Assertions.assertThat(timer(pi, "BoundaryEvent_RenewalEscalationDue").getDuedate())
        .isEqualTo(instant(LocalDate.of(2027, 12, 7), 9));
    completeTask(pi, NEGOTIATE_RENEWAL, Map.of(RENEWAL_DECISION, "EXPIRE", RENEWAL_NOTE, "商家将自建客服团队"));
    Assertions.assertThat(term.extendTerm(engine.getProcessEngine(), contractId, 2)).isEqualTo(LocalDate.of(2027, 12, 12));
    fire(pi, "TimerEvent_TermEnds", instant(LocalDate.of(2027, 12, 13), 0));
    // the term's end also ends the monthly SLA figures
    assertThat(pi).isWaitingAt(FINAL_SETTLEMENT).hasPassed("EndEvent_Expired");
    assertThat(pi).variables().containsEntry(LAST_SERVICE_DAY, "2027-12-12");
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("StartEvent_SlaPeriodsBegin")
        .count() + managementService().createJobQuery().processInstanceId(pi.getId()).activityId("TimerEvent_NextSlaPeriod").count())
        .isZero();
    // a term already ending keeps its last day of service
    Assertions.assertThat(term.extendTerm(engine.getProcessEngine(), contractId, 5)).isNull();
    Assertions.assertThat(app.terms.get(contractId).termLastDay()).isEqualTo(LocalDate.of(2027, 12, 12));
  }

}
