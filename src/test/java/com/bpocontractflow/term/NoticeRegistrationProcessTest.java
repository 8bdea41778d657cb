package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.coverage.ModelCoverage;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.EngineTests;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Engine tests of {@code register-termination-notice} with the real {@code contract-term} it delivers the
 * notice to (its steps for real on the application's tables and outbox): the merchant's notice and the
 * provider's own are recorded as the message records them, as the staff member who submitted the form; a
 * refused notice leaves no registration, no notice and no e-mail. Coverage is measured on the new model
 * ({@code contract-term} has its own test).
 */
@Deployment(resources = {NoticeRegistrationProcess.RESOURCE, ServiceTermProcess.RESOURCE,
    "forms/register-termination-notice.form"})
class NoticeRegistrationProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .excludeProcessDefinitionKeys(ServiceTermProcess.KEY)
      .build();

  /** At least 95 % of the model under test, asserted per model when the whole class ran. */
  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, NoticeRegistrationProcess.KEY);

  static final LocalDate GO_LIVE = LocalDate.of(2027, 3, 1);
  static final String NOTICE_ADDRESS = "notices@xiaoxiang.example.com";

  AppTables app;
  long contractId;
  String number;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    clock(GO_LIVE, 9);
    app = new AppTables();
    app.registerContractTermBeans(runtimeService());
    Mocks.register("noticeRegistration", new NoticeRegistration(app.contracts,
        new ApplicationActions(engine.getProcessEngine())));
  }

  @AfterEach
  void tearDown() {
    engine.getProcessEngine().getIdentityService().clearAuthentication();
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  static void clock(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clocks.ZONE).toInstant()));
  }

  /** A live contract (no trial, 30 days' notice, a notice e-mail apart from the contact's) and its term. */
  ProcessInstance liveContract() {
    Map<String, Object> clauses = AppTables.signedClauses(0);
    clauses.put(ContractSigningProcess.Vars.NOTICE_EMAIL, NOTICE_ADDRESS);
    clauses.put("providerEarlyTerminationPenalty", "15000.00");
    contractId = app.signedContract(GO_LIVE, clauses);
    number = app.contracts.get(contractId).contractNumber();
    return runtimeService().startProcessInstanceByKey(ServiceTermProcess.KEY, number, Map.of(
        ContractSigningProcess.Vars.CONTRACT_ID, contractId,
        ContractSigningProcess.Vars.CONTRACT_NUMBER, number,
        ContractSigningProcess.Vars.MERCHANT_NAME, "杭州小象旗舰店"));
  }

  Map<String, Object> form(String contractNumber, String party, String received) {
    Map<String, Object> v = new HashMap<>();
    v.put(ContractSigningProcess.Vars.CONTRACT_NUMBER, contractNumber);
    v.put(NOTICE_PARTY, party);
    v.put(NOTICE_RECEIVED_DATE, received);
    v.put(TERMINATION_REASON, "店铺转型，不再需要外包客服");
    v.put(TERMINATION_WITH_CAUSE, false);
    return v;
  }

  /** Submits the start form as the legal demo user, as Tasklist does. */
  ProcessInstance submit(Map<String, Object> variables) {
    return EngineTests.submitStartForm(engine.getProcessEngine(), NoticeRegistrationProcess.KEY, "legal", "legal", variables);
  }

  @Test
  void shouldRecordTheMerchantsWrittenNoticeOnTheContractsTermAsTheStaffMemberWhoRegisteredIt() {
    ProcessInstance term = liveContract();
    clock(LocalDate.of(2027, 3, 10), 15);

    ProcessInstance registration = submit(form(number, "MERCHANT", "2027-03-10"));

    assertThat(registration).isEnded().hasPassed(NoticeRegistrationProcess.Elements.RECORD_NOTICE,
        NoticeRegistrationProcess.Elements.NOTICE_RECORDED);
    HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
        .processInstanceId(registration.getId()).singleResult();
    Assertions.assertThat(history.getBusinessKey()).isEqualTo(number);
    Assertions.assertThat(history.getStartUserId()).isEqualTo("legal");
    // as the message: 10 March + 30 calendar days from the next day (Civil Code arts. 201, 203) = 9 April
    assertThat(term).isWaitingAt("TimerEvent_ServiceEnds").hasPassed("ServiceTask_RecordNotice");
    Assertions.assertThat(app.terms.get(contractId).lastServiceDay()).isEqualTo(LocalDate.of(2027, 4, 9));
    Assertions.assertThat(app.terms.acceptedNotice(contractId)).get()
        .extracting(TermRecords.Notice::party, TermRecords.Notice::receivedDate)
        .containsExactly(Party.MERCHANT, LocalDate.of(2027, 3, 10));
    // the acknowledgement goes to the merchant's contact, as for a notice reported by a system
    OutboxMail acknowledgement = app.outbox.findByContract(number).get(0);
    Assertions.assertThat(acknowledgement.template()).isEqualTo("NOTICE_ACKNOWLEDGED");
    Assertions.assertThat(acknowledgement.recipient()).isEqualTo("ops@xiaoxiang.example.com");
    Assertions.assertThat(acknowledgement.subject()).endsWith("解约通知回执：服务至 2027年4月9日 结束");
    Assertions.assertThat(acknowledgement.bodyText()).contains("我们已收到贵司的书面解约通知", "最后服务日：2027年4月9日",
        "提前解约违约金：20,000.00");
  }

  @Test
  void shouldMailTheProvidersOwnNoticeToTheMerchantsNoticeAddress() {
    ProcessInstance term = liveContract();
    clock(LocalDate.of(2027, 3, 10), 15);
    Map<String, Object> notice = form(number, "PROVIDER", "2027-03-10");
    notice.put(NOTICE_DELIVERY, "EMAIL");
    notice.put(TERMINATION_REASON, "商家连续两个月未付服务费，经催告仍未支付");
    notice.put(TERMINATION_WITH_CAUSE, true);

    assertThat(submit(notice)).isEnded();

    assertThat(term).isWaitingAt("TimerEvent_ServiceEnds");
    Assertions.assertThat(app.terms.acceptedNotice(contractId)).get()
        .extracting(TermRecords.Notice::party, TermRecords.Notice::effectiveDate, TermRecords.Notice::withCause)
        .containsExactly(Party.PROVIDER, LocalDate.of(2027, 4, 9), true);
    List<OutboxMail> mails = app.outbox.findByContract(number);
    Assertions.assertThat(mails).extracting(OutboxMail::template).contains("PROVIDER_NOTICE")
        .doesNotContain("NOTICE_ACKNOWLEDGED");
    OutboxMail sent = mails.get(0);
    Assertions.assertThat(sent.recipient()).isEqualTo(NOTICE_ADDRESS);
    Assertions.assertThat(sent.subject()).endsWith("解约通知：服务至 2027年4月9日 结束");
    Assertions.assertThat(sent.bodyText()).contains("我方已向贵司发出书面解约通知", "商家连续两个月未付服务费",
        "送达方式：本系统发送电子邮件至合同约定的送达邮箱", "最后服务日：2027年4月9日").doesNotContain("违约金：");
  }

  @Test
  void shouldTakeTheProvidersNoticeDeliveredByPostOnTheDayItArrived() {
    ProcessInstance term = liveContract();
    clock(LocalDate.of(2027, 3, 12), 10);
    Map<String, Object> notice = form(number, "PROVIDER", "2027-03-10");
    notice.put(NOTICE_DELIVERY, "POST");

    submit(notice);

    assertThat(term).isWaitingAt("TimerEvent_ServiceEnds");
    Assertions.assertThat(app.terms.get(contractId).lastServiceDay()).isEqualTo(LocalDate.of(2027, 4, 9));
    OutboxMail sent = app.outbox.findByContract(number).get(0);
    Assertions.assertThat(sent.recipient()).isEqualTo(NOTICE_ADDRESS);
    Assertions.assertThat(sent.bodyText()).contains("送达方式：邮寄（快递或挂号信）", "我方提前解约违约金：15,000.00");
  }

  @Test
  void shouldRefuseAnUnknownContractAFutureDateAContractNotInServiceAndBadDataAndCreateNothing() {
    ProcessInstance term = liveContract();
    clock(LocalDate.of(2027, 3, 10), 15);

    assertThatThrownBy(() -> submit(form("BPO-2027-999999", "MERCHANT", "2027-03-10")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("合同编号 BPO-2027-999999 不存在");
    assertThatThrownBy(() -> submit(form(number, "MERCHANT", "2027-03-11")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「通知送达日期（noticeReceivedDate）」不能晚于今天");
    // the rules of contract-term itself: not before go-live
    clock(LocalDate.of(2027, 3, 10), 15);
    assertThatThrownBy(() -> submit(form(number, "MERCHANT", "2027-02-27")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("早于上线日期");
    Map<String, Object> noReason = form(number, "MERCHANT", "2027-03-10");
    noReason.remove(TERMINATION_REASON);
    assertThatThrownBy(() -> submit(noReason))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("解约原因");
    // the provider's notice says how it was delivered; one e-mailed now arrives today
    assertThatThrownBy(() -> submit(form(number, "PROVIDER", "2027-03-10")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("我方通知的送达方式");
    Map<String, Object> emailedYesterday = form(number, "PROVIDER", "2027-03-09");
    emailedYesterday.put(NOTICE_DELIVERY, "EMAIL");
    assertThatThrownBy(() -> submit(emailedYesterday))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须是今天");
    // a contract signed but not live has no service term waiting for a notice
    long signedOnly = app.signedContract(GO_LIVE, AppTables.signedClauses(0));
    String signedNumber = app.contracts.get(signedOnly).contractNumber();
    assertThatThrownBy(() -> submit(form(signedNumber, "MERCHANT", "2027-03-10")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("合同 " + signedNumber + " 不在服务期内");

    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NoticeRegistrationProcess.KEY).count()).isZero();
    assertThat(term).isNotEnded().hasNotPassed("ServiceTask_RecordNotice");
    Assertions.assertThat(app.terms.notices(contractId, TermRecords.ACCEPTED)).isZero();
    Assertions.assertThat(app.mails(number)).isEmpty();
  }
}
