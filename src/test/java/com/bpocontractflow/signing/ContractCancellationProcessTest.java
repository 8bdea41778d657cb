package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.coverage.ModelCoverage;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.signing.SigningWithdrawal.Party;
import com.bpocontractflow.term.AppTables;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * Engine tests of {@code cancel-contract} (取消合同) and of the offer rules ({@link SigningOffers}, Civil Code
 * arts. 475-477, 490) on the application's tables: the provider's cancellation ends the signing's open task
 * through {@code SigningWithdrawn} (a stand-in for contract-signing with its very event sub-process and the
 * real {@link SigningWithdrawal}), records who and why, and tells the merchant; every refusal leaves no
 * cancellation instance, the signing waiting, the record unchanged and no e-mail. The merchant's withdrawal
 * goes through the same {@link SigningWithdrawals}. Coverage is measured on the new model.
 */
@Deployment(resources = {ContractCancellationProcess.RESOURCE, "stubs/signing-stub.bpmn", "forms/cancel-contract.form"})
class ContractCancellationProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION)
      .excludeProcessDefinitionKeys("signing-stub")
      .build();

  /** At least 95 % of the model under test, asserted per model when the whole class ran. */
  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, ContractCancellationProcess.KEY);

  static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

  AppTables app;
  SigningWithdrawals withdrawals;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    clock(TODAY, 15);
    app = new AppTables();
    withdrawals = new SigningWithdrawals(runtimeService(), new ApplicationActions(engine.getProcessEngine()));
    Mocks.register("signingWithdrawal", new SigningWithdrawal(app.contracts, app.mailer));
    Mocks.register("contractCancellation", new ContractCancellation(app.contracts, withdrawals));
    // the stand-in's task needs no recording: the application's listener on every user task does nothing here
    Mocks.register("userTaskListener", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
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

  /** A contract at {@code status} whose signing waits at a task, with these signing columns and variables. */
  record Signing(long contractId, String number, ProcessInstance instance) {
  }

  Signing signing(ContractStatus status, Map<String, Object> columns, Map<String, Object> variables) {
    long id = app.contracts.register(new NewContract(null, "杭州小象旗舰店", "ops@xiaoxiang.example.com", "王小明", null,
        ShopPlatform.TMALL, 5, "售前咨询与售后跟进")).id();
    String number = app.contracts.get(id).contractNumber();
    Map<String, Object> start = new HashMap<>(variables);
    start.put(ContractSigningProcess.Vars.CONTRACT_ID, id);
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("signing-stub", number, start);
    Map<String, Object> update = new HashMap<>(columns);
    update.put("status", status.name());
    update.put("process_instance_id", instance.getId());
    app.contracts.update(id, update);
    return new Signing(id, number, instance);
  }

  Signing signing(ContractStatus status) {
    return signing(status, Map.of(), Map.of());
  }

  Map<String, Object> form(String contractNumber, String reason) {
    Map<String, Object> v = new HashMap<>();
    v.put(ContractSigningProcess.Vars.CONTRACT_NUMBER, contractNumber);
    v.put(ContractSigningProcess.Vars.WITHDRAWAL_REASON, reason);
    return v;
  }

  /** Submits the start form as the sales demo user, as Tasklist does. */
  ProcessInstance submit(Map<String, Object> variables) {
    return EngineTests.submitStartForm(engine.getProcessEngine(), ContractCancellationProcess.KEY, "sales", "sales", variables);
  }

  @Test
  void shouldCancelAnOpenSigningAsTheSalesMemberEndItsTasksAndTellTheMerchant() {
    // a quote awaiting the merchant's answer with no validity date fixed no acceptance period: it may be revoked
    Signing signing = signing(ContractStatus.PROPOSAL_SENT);

    ProcessInstance cancellation = submit(form(signing.number(), "  商家所在类目我方暂无客服团队可承接  "));

    assertThat(cancellation).isEnded().hasPassed(ContractCancellationProcess.Elements.CANCEL_SIGNING,
        ContractCancellationProcess.Elements.SIGNING_CANCELLED);
    HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
        .processInstanceId(cancellation.getId()).singleResult();
    Assertions.assertThat(history.getBusinessKey()).isEqualTo(signing.number());
    Assertions.assertThat(history.getStartUserId()).isEqualTo("sales");
    assertThat(signing.instance()).isEnded().hasPassed("EndEvent_SigningWithdrawn").hasNotPassed("EndEvent_StubSigningDone");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(signing.instance().getId()).count()).isZero();

    Contract contract = app.contracts.get(signing.contractId());
    Assertions.assertThat(contract.statusValue()).isEqualTo(ContractStatus.CANCELLED);
    Assertions.assertThat(app.jdbc.sql("SELECT withdrawn_by, withdrawal_reason FROM contract WHERE id = :id")
        .param("id", signing.contractId()).query().singleRow())
        .containsValues("PROVIDER", "商家所在类目我方暂无客服团队可承接");
    List<OutboxMail> mails = app.outbox.findByContract(signing.number());
    Assertions.assertThat(mails).extracting(OutboxMail::template).containsExactly("SIGNING_CANCELLED");
    OutboxMail mail = mails.get(0);
    Assertions.assertThat(mail.recipient()).isEqualTo("ops@xiaoxiang.example.com");
    Assertions.assertThat(mail.subject()).contains("签约已取消");
    Assertions.assertThat(mail.bodyText()).contains("我方已取消本次客服外包签约", "合同未成立",
        "取消原因", "商家所在类目我方暂无客服团队可承接");
    Assertions.assertThat(mail.bodyHtml()).contains("商家所在类目我方暂无客服团队可承接");
  }

  @Test
  void shouldRefuseAnUnknownContractAFormedOrEndedOneAndBadDataAndCreateNothing() {
    Signing open = signing(ContractStatus.IN_REVIEW);
    Signing formed = signing(ContractStatus.SIGNED);
    Signing live = signing(ContractStatus.LIVE);
    Signing withdrawn = signing(ContractStatus.WITHDRAWN);

    assertThatThrownBy(() -> submit(form("BPO-2027-999999", "不再合作")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("合同编号 BPO-2027-999999 不存在");
    assertThatThrownBy(() -> submit(form("bpo 1", "不再合作")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("合同编号");
    assertThatThrownBy(() -> submit(form(open.number(), "不")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「取消原因」");
    assertThatThrownBy(() -> submit(form(open.number(), null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("取消原因");
    assertThatThrownBy(() -> submit(form(formed.number(), "不再合作")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("合同 " + formed.number() + " 已经成立", "第四百九十条", "书面解约通知");
    assertThatThrownBy(() -> submit(form(live.number(), "不再合作")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("已经成立", "已正式上线");
    assertThatThrownBy(() -> submit(form(withdrawn.number(), "不再合作")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("合同 " + withdrawn.number() + " 的签约已经结束", "商家已撤回签约");

    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ContractCancellationProcess.KEY).count()).isZero();
    for (Signing s : List.of(open, formed, live, withdrawn)) {
      assertThat(s.instance()).isNotEnded().isWaitingAt("review-clauses");
      Assertions.assertThat(app.mails(s.number())).isEmpty();
    }
    Assertions.assertThat(app.contracts.get(open.contractId()).statusValue()).isEqualTo(ContractStatus.IN_REVIEW);
    Assertions.assertThat(app.contracts.get(formed.contractId()).statusValue()).isEqualTo(ContractStatus.SIGNED);
  }

  @Test
  void shouldKeepTheQuoteOpenUntilTheEndOfItsValidityDayAndLetItBeCancelledTheDayAfter() {
    Signing quoted = signing(ContractStatus.PROPOSAL_SENT, Map.of(),
        Map.of(SigningOffers.QUOTE_VALID_UNTIL, "2027-03-12", "waitAt", ContractSigningProcess.Tasks.CONFIRM_PROPOSAL));

    assertThatThrownBy(() -> submit(form(quoted.number(), "报价有误")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「报价有效期（quoteValidUntil）」", "2027年3月12日", "第四百七十六条第一项", "2027年3月13日 起方可取消");
    clock(LocalDate.of(2027, 3, 12), 23); // the last day of the period, late in the evening in Beijing
    assertThatThrownBy(() -> submit(form(quoted.number(), "报价有误")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("第四百七十六条第一项");
    // the message alone (as /api/integrations/withdrawals sends it) is refused by SigningWithdrawal itself
    assertThatThrownBy(() -> runtimeService().createMessageCorrelation(ContractSigningProcess.Messages.SIGNING_WITHDRAWN)
        .processInstanceId(quoted.instance().getId()).setVariable(ContractSigningProcess.Vars.WITHDRAWN_BY, "PROVIDER")
        .setVariable(ContractSigningProcess.Vars.WITHDRAWAL_REASON, "报价有误").correlateWithResult())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("第四百七十六条第一项");
    assertThat(quoted.instance()).isWaitingAt(ContractSigningProcess.Tasks.CONFIRM_PROPOSAL);
    Assertions.assertThat(app.mails(quoted.number())).isEmpty();

    // the merchant is the offeree: it may decline the quote while the period runs
    Assertions.assertThat(withdrawals.refusal(app.contracts.get(quoted.contractId()), Party.MERCHANT)).isEmpty();

    clock(LocalDate.of(2027, 3, 13), 0);
    assertThat(submit(form(quoted.number(), "报价有误"))).isEnded();
    Assertions.assertThat(app.contracts.get(quoted.contractId()).statusValue()).isEqualTo(ContractStatus.CANCELLED);
  }

  @Test
  void shouldApplyTheQuotesValidityOnlyWhileItAwaitsTheMerchantsAnswer() {
    // the merchant asked for changes (a counter-offer): the quote no longer waits for an answer
    Signing countered = signing(ContractStatus.PROPOSAL_REVISION, Map.of(),
        Map.of(SigningOffers.QUOTE_VALID_UNTIL, "2027-03-31"));

    assertThat(submit(form(countered.number(), "商家要求的单价低于成本"))).isEnded();

    Assertions.assertThat(app.contracts.get(countered.contractId()).statusValue()).isEqualTo(ContractStatus.CANCELLED);
    // a quote a manager still has to approve has not been sent: it is no offer yet
    Signing unapproved = signing(ContractStatus.PROPOSAL_SENT, Map.of(), Map.of(SigningOffers.QUOTE_VALID_UNTIL,
        "2027-03-31", "waitAt", ContractSigningProcess.Tasks.APPROVE_PROPOSAL));
    assertThat(submit(form(unapproved.number(), "单价低于成本，撤回报价"))).isEnded();
    Assertions.assertThat(app.contracts.get(unapproved.contractId()).statusValue()).isEqualTo(ContractStatus.CANCELLED);
  }

  @Test
  void shouldNotLetTheProviderRevokeItsSealOnceTheMerchantHasSentItsSealedCopyBack() {
    Map<String, Object> sealed = new HashMap<>(Map.of("signing_method", "PAPER", "sealed_by", "法务 李娜",
        "sealed_date", TODAY.minusDays(3)));
    Signing couriered = signing(ContractStatus.SIGNING, sealed, Map.of());
    sealed.put("return_courier_company", "京东物流");
    sealed.put("return_tracking_number", "JD0012345678");
    Signing returned = signing(ContractStatus.SIGNING, sealed, Map.of());

    assertThatThrownBy(() -> submit(form(returned.number(), "内部调整")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("商家已盖章并寄回（京东物流 JD0012345678）", "第四百七十七条");
    assertThat(returned.instance()).isWaitingAt("review-clauses");
    // the merchant may still withdraw its acceptance: its withdrawal reaches us before the copy does (arts. 485, 141)
    Assertions.assertThat(withdrawals.refusal(app.contracts.get(returned.contractId()), Party.MERCHANT)).isEmpty();

    // before the merchant accepts, our seal (an offer) may be revoked
    assertThat(submit(form(couriered.number(), "内部调整"))).isEnded();
    Assertions.assertThat(app.contracts.get(couriered.contractId()).statusValue()).isEqualTo(ContractStatus.CANCELLED);
  }

  @Test
  void shouldLetTheMerchantRevokeItsElectronicSignatureUntilWeCountersignAndConfirmItByMail() {
    Signing signed = signing(ContractStatus.SIGNING, Map.of("signing_method", "ELECTRONIC",
        "merchant_signer_name", "王小明", "merchant_signed_at", OffsetDateTime.now(Clocks.ZONE)), Map.of());

    withdrawals.withdraw("merchant", app.contracts.get(signed.contractId()), Party.MERCHANT, "公司预算冻结，暂不外包");

    assertThat(signed.instance()).isEnded().hasPassed("EndEvent_SigningWithdrawn");
    Assertions.assertThat(app.contracts.get(signed.contractId()).statusValue()).isEqualTo(ContractStatus.WITHDRAWN);
    OutboxMail mail = app.outbox.findByContract(signed.number()).get(0);
    Assertions.assertThat(mail.template()).isEqualTo("SIGNING_WITHDRAWN");
    Assertions.assertThat(mail.subject()).contains("已确认：贵司已撤回签约");
    Assertions.assertThat(mail.bodyText()).contains("我们已收到并确认贵司撤回本次客服外包签约", "撤回原因",
        "公司预算冻结，暂不外包");

    // once ended, nothing is left to withdraw, whoever asks
    assertThatThrownBy(() -> withdrawals.withdraw("merchant", app.contracts.get(signed.contractId()), Party.MERCHANT,
        "再次撤回")).isInstanceOf(InvalidInputException.class).hasMessageContaining("签约已经结束", "无需也不能再撤回");
    Assertions.assertThat(app.outbox.findByContract(signed.number())).hasSize(1);
  }

  @Test
  void shouldRefuseWhenNoSigningWaitsForTheMessage() {
    Signing open = signing(ContractStatus.DRAFTING);
    runtimeService().deleteProcessInstance(open.instance().getId(), "test: the instance is gone");

    assertThatThrownBy(() -> submit(form(open.number(), "不再合作")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("当前没有进行中的签约");
    Assertions.assertThat(app.contracts.get(open.contractId()).statusValue()).isEqualTo(ContractStatus.DRAFTING);
  }
}
