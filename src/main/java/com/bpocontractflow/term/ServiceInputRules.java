package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.*;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractNumbers;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.dispute.DisputeOutcome;
import com.bpocontractflow.dispute.DisputeResolutionProcess;
import com.bpocontractflow.settlement.PurposeDefeatedBy;
import com.bpocontractflow.sla.SlaReviewProcess;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each step after go-live requires ({@code contract-term}, {@code sla-review},
 * {@code dispute-resolution}), checked on the server whatever the input came through.
 */
public final class ServiceInputRules {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
  private static final String CONTRACT_NUMBER = "contractNumber";
  private static final String ESCALATION_ACTION = "escalationAction";
  private static final String PURPOSE_DEFEATED_LABEL = "定金罚则·致使不能实现合同目的的违约方";
  private static final String NOTICE_DELIVERY_LABEL = "我方通知的送达方式";
  private static final String STAFF_CHOICE_LABEL = "合同第三条·商家的选择（商家来函或来电告知时由员工登记）";

  private static final Map<String, InputRules> RULES = Map.ofEntries(
      Map.entry(ServiceTermProcess.Tasks.REVIEW_TRIAL, InputRules.of(
          choice(TRIAL_OUTCOME, "试用结果", TrialOutcome.class),
          text(TRIAL_REVIEW_NOTE, "评估意见").length(2, 2000))),
      Map.entry(ServiceTermProcess.Tasks.NEGOTIATE_RENEWAL, InputRules.of(
          choice(RENEWAL_DECISION, "续签结果", RenewalDecision.class),
          wholeNumber(RENEWAL_MONTHS, "续签期限（月）", 1, 60)
              .when(v -> RenewalDecision.RENEW.name().equals(v.get(RENEWAL_DECISION))),
          text(RENEWAL_NOTE, "协商记录").length(2, 2000))),
      Map.entry(ServiceTermProcess.Tasks.FINAL_SETTLEMENT, InputRules.of(
          pastDate(INVOICED_THROUGH, "服务费已开票至").optional(),
          amount(UNPAID_INVOICES, "未付发票金额（元）", BigDecimal.ZERO, MAX_AMOUNT),
          amount(USAGE_FEES, "未开票的按量服务费（元）", BigDecimal.ZERO, MAX_AMOUNT),
          choice(PURPOSE_DEFEATED_BY, PURPOSE_DEFEATED_LABEL, PurposeDefeatedBy.class).optional()
              .andProblem(ServiceInputRules::purposeDefeatedProblem),
          text(SETTLEMENT_NOTE, "结算说明（写明致使不能实现合同目的的违约事实）").length(6, 2000)
              .when(ServiceInputRules::purposeDefeated),
          text(SETTLEMENT_NOTE, "结算说明").optional().length(0, 2000)
              .when(values -> !purposeDefeated(values)))),
      // the merchant chooses return or deletion (PIPL art. 21, contract clause 3): on its link page, or staff
      // record the choice it gave by letter or call; staff carry out only that choice
      Map.entry(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA, InputRules.of(
          choice(STAFF_DATA_CHOICE, STAFF_CHOICE_LABEL, DataDisposal.class)
              .when(values -> !chosen(values)),
          text(DATA_CHOICE_SOURCE, "商家告知选择的方式和日期（如来函、电话）及返还要求").length(4, 500)
              .when(values -> !chosen(values)),
          choice(STAFF_DATA_CHOICE, STAFF_CHOICE_LABEL, DataDisposal.class).optional()
              .andProblem((value, all) -> value.equals(all.get(DATA_CHOICE)) ? null
                  : "商家的选择已登记为“" + label(all.get(DATA_CHOICE)) + "”（" + all.get(DATA_CHOICE_LABEL)
                      + "），不能更改")
              .when(ServiceInputRules::chosen),
          choice(DATA_DISPOSAL, "处理方式", DataDisposal.class)
              .andProblem(ServiceInputRules::disposalProblem),
          pastDate(DATA_DISPOSED_ON, "处理日期")
              .and((value, all) -> notBefore(value, all.get(LAST_SERVICE_DAY)), "不能早于最后服务日"),
          text(DATA_DELETION_METHOD, "删除方式（写明删除了哪些系统中的数据、如何删除，备份如何处理）").length(10, 500)
              .when(values -> DataDisposal.DELETED.name().equals(values.get(DATA_DISPOSAL))),
          text(DATA_DISPOSAL_NOTE, "处理说明（返还方式或删除范围、核验人）").length(6, 2000))),
      // the access the merchant granted for the service ends with it (PIPL art. 47): what was revoked, and when
      Map.entry(ServiceTermProcess.Tasks.REVOKE_MERCHANT_ACCESS, InputRules.of(
          text(REVOKED_ACCESS, "已回收的账号和权限").length(4, 1000),
          pastDate(ACCESS_REVOKED_ON, "回收日期")
              .and((value, all) -> notBefore(value, all.get(LAST_SERVICE_DAY)), "不能早于最后服务日"))),
      Map.entry(ServiceTermProcess.Tasks.ESCALATE_DATA_DISPOSAL, InputRules.of(
          text(ESCALATION_ACTION, "处理措施").length(2, 2000))),
      // the refund the final statement owes the merchant, as the bank paid it: not before the service ended
      Map.entry(ServiceTermProcess.Tasks.CONFIRM_REFUND_PAID, InputRules.of(
          pastDate(REFUND_PAID_ON, "最终结算·退款支付日期")
              .and((value, all) -> notBefore(value, all.get(LAST_SERVICE_DAY)), "不能早于最后服务日"),
          text(REFUND_BANK_REFERENCE, "最终结算·银行流水号").length(4, 100)
              .matches("^[^<>]*$", "不能包含 < 或 >"))),
      Map.entry(ServiceTermProcess.Tasks.ESCALATE_REFUND, InputRules.of(
          text(ESCALATION_ACTION, "处理措施").length(2, 2000))),
      // a notice staff register: the contract, then the very rules of the message TerminationNoticeReceived
      Map.entry(NoticeRegistrationProcess.START_FORM, noticeRegistration()),
      Map.entry(SlaReviewProcess.START_FORM, InputRules.of(
          contractNumber(),
          pastDate(SlaReviewProcess.Vars.PERIOD_START, "评估期开始日期"),
          pastDate(SlaReviewProcess.Vars.PERIOD_END, "评估期结束日期")
              .and((value, all) -> notBefore(value, all.get(SlaReviewProcess.Vars.PERIOD_START)), "不能早于开始日期")
              .and((value, all) -> withinDays(all.get(SlaReviewProcess.Vars.PERIOD_START), value, 92),
                  "评估期不能超过 92 天（一个季度）"),
          percent(SlaReviewProcess.Vars.FIRST_REPLY_ON_TIME, "首次响应及时率（%）", "0", "100"),
          wholeNumber(SlaReviewProcess.Vars.AVERAGE_FIRST_REPLY_SECONDS, "平均首次响应时间（秒）", 0, 86400),
          percent(SlaReviewProcess.Vars.RESOLVED_ON_TIME, "问题按时解决率（%）", "0", "100"),
          percent(SlaReviewProcess.Vars.SATISFACTION, "客户满意度（%）", "0", "100"),
          percent(SlaReviewProcess.Vars.BAD_REVIEW_RATE, "差评率（%）", "0", "100"),
          wholeNumber(SlaReviewProcess.Vars.COMPLAINTS, "投诉数", 0, 1000000),
          amount(SlaReviewProcess.Vars.PERIOD_FEES, "本期服务费（元）", BigDecimal.ZERO, MAX_AMOUNT),
          amount(SlaReviewProcess.Vars.OVERDUE_AMOUNT, "商家逾期未付金额（元）", BigDecimal.ZERO, MAX_AMOUNT).optional(),
          wholeNumber(SlaReviewProcess.Vars.OVERDUE_DAYS, "逾期天数", 0, 3650).optional())),
      // the month's figures onboarding enters when the customer-service system sent none (the period is the
      // task's own): the start form's rules for the same figures
      Map.entry(ServiceTermProcess.Tasks.ENTER_SLA_FIGURES, InputRules.of(
          percent(SlaReviewProcess.Vars.FIRST_REPLY_ON_TIME, "首次响应及时率（%）", "0", "100"),
          wholeNumber(SlaReviewProcess.Vars.AVERAGE_FIRST_REPLY_SECONDS, "平均首次响应时间（秒）", 0, 86400),
          percent(SlaReviewProcess.Vars.RESOLVED_ON_TIME, "问题按时解决率（%）", "0", "100"),
          percent(SlaReviewProcess.Vars.SATISFACTION, "客户满意度（%）", "0", "100"),
          percent(SlaReviewProcess.Vars.BAD_REVIEW_RATE, "差评率（%）", "0", "100"),
          wholeNumber(SlaReviewProcess.Vars.COMPLAINTS, "投诉数", 0, 1000000),
          amount(SlaReviewProcess.Vars.PERIOD_FEES, "本期服务费（元）", BigDecimal.ZERO, MAX_AMOUNT),
          amount(SlaReviewProcess.Vars.OVERDUE_AMOUNT, "商家逾期未付金额（元）", BigDecimal.ZERO, MAX_AMOUNT).optional(),
          wholeNumber(SlaReviewProcess.Vars.OVERDUE_DAYS, "逾期天数", 0, 3650).optional())),
      Map.entry(SlaReviewProcess.Tasks.APPROVE_COMPENSATION, InputRules.of(
          percent(SlaReviewProcess.Vars.FEE_REDUCTION_PERCENT, "减免服务费（%）", "0", "100"),
          wholeNumber(SlaReviewProcess.Vars.FREE_EXTENSION_DAYS, "免费延长服务（天）", 0, 365),
          amount(SlaReviewProcess.Vars.PENALTY_AMOUNT, "违约金（元）", BigDecimal.ZERO, MAX_AMOUNT),
          text(SlaReviewProcess.Vars.ADJUSTMENT_REASON, "调整原因").length(2, 2000)
              .when(SlaReviewProcess::adjusted),
          text(SlaReviewProcess.Vars.ADJUSTMENT_REASON, "审批意见").optional().length(0, 2000)
              .when(v -> !SlaReviewProcess.adjusted(v)))),
      Map.entry(DisputeResolutionProcess.START_FORM, InputRules.of(
          contractNumber(),
          choice(DisputeResolutionProcess.Vars.RAISED_BY, "提出方", Party.class),
          text(DisputeResolutionProcess.Vars.DISPUTE_DESCRIPTION, "争议事项").length(10, 4000))),
      Map.entry(DisputeResolutionProcess.Tasks.NEGOTIATE_DISPUTE, InputRules.of(
          choice(DisputeResolutionProcess.Vars.DISPUTE_OUTCOME, "协商结果", DisputeOutcome.class),
          text(DisputeResolutionProcess.Vars.SETTLEMENT_TERMS, "和解内容").length(6, 4000)
              .when(v -> DisputeOutcome.RESOLVED.name().equals(v.get(DisputeResolutionProcess.Vars.DISPUTE_OUTCOME))),
          text(DisputeResolutionProcess.Vars.NEGOTIATION_NOTES, "协商记录").length(2, 4000))),
      Map.entry(DisputeResolutionProcess.Tasks.FILE_WITH_FORUM, InputRules.of(
          pastDate(DisputeResolutionProcess.Vars.FILED_ON, "提交日期"),
          text(DisputeResolutionProcess.Vars.CASE_REFERENCE, "案号或受理编号").length(2, 100)
              .matches("^[^<>]*$", "不能包含 < 或 >"))));

  private ServiceInputRules() {
  }

  /** True when finance records a breach that defeated the contract's purpose. */
  static boolean purposeDefeated(Map<String, Object> values) {
    Object value = values.get(PURPOSE_DEFEATED_BY);
    return value instanceof String name && !name.isBlank() && !PurposeDefeatedBy.NONE.name().equals(name);
  }

  /**
   * What is wrong with a breach that defeated the contract's purpose, or null. Only a 定金 knows the
   * 定金罚则 (a 履约保证金 and a contract recorded before the kind existed are security); and a contract that
   * expired, or ended in the trial or by a notice, was performed or ended as the contract allows — only a
   * contract ended by notice can have ended because of such a breach (the notice's party and cause say
   * who terminated, not whether the purpose was defeated, which finance states in the note).
   */
  static String purposeDefeatedProblem(Object value, Map<String, Object> all) {
    if (PurposeDefeatedBy.NONE.name().equals(value)) {
      return null;
    }
    if (!DepositKind.DINGJIN.name().equals(all.get(DEPOSIT_KIND))) {
      return "只适用于定金：本合同约定的不是定金，不适用定金罚则，请选择“无”";
    }
    if (!EndReason.TERMINATED.label().equals(all.get(END_REASON))) {
      return "合同到期或试用期退出属于按约履行或按约定解除，不适用定金罚则，请选择“无”";
    }
    return null;
  }

  /** True when the merchant's choice of return or deletion is recorded (its link, or the default). */
  static boolean chosen(Map<String, Object> values) {
    return values.get(DATA_CHOICE) instanceof String choice && !choice.isBlank();
  }

  /**
   * What is wrong with recording this disposal, or null: staff carry out the merchant's choice only
   * (PIPL art. 21: the entrusted party returns or deletes the data as agreed with the entrusting party),
   * the choice recorded before or the one staff record now.
   */
  static String disposalProblem(Object value, Map<String, Object> all) {
    Object choice = chosen(all) ? all.get(DATA_CHOICE) : all.get(STAFF_DATA_CHOICE);
    if (!(choice instanceof String name) || name.isBlank() || name.equals(value)) {
      return null;
    }
    return "与商家的选择不符：商家选择了“" + label(name) + "”，只能登记“" + label(name)
        + "”（合同第三条、《个人信息保护法》第二十一条：按委托方的选择返还或删除）";
  }

  private static String label(Object name) {
    for (DataDisposal disposal : DataDisposal.values()) {
      if (disposal.name().equals(name)) {
        return disposal.label();
      }
    }
    return String.valueOf(name);
  }

  /**
   * The start form of register-termination-notice: the contract number, the rules of the message
   * {@code TerminationNoticeReceived} ({@link ServiceTerm#NOTICE}, the same objects), and for the provider's
   * own notice how it was delivered. A notice e-mailed by the application now reaches the merchant's notice
   * e-mail today: a data message takes effect when it enters the recipient's designated system (Civil Code
   * art. 137), so its date of receipt is today.
   */
  private static InputRules noticeRegistration() {
    List<Rule> rules = new ArrayList<>();
    rules.add(contractNumber());
    rules.addAll(ServiceTerm.NOTICE.rules());
    rules.add(choice(NOTICE_DELIVERY, NOTICE_DELIVERY_LABEL, NoticeDelivery.class).optional()
        .when(values -> !Party.PROVIDER.name().equals(values.get(NOTICE_PARTY))));
    rules.add(choice(NOTICE_DELIVERY, NOTICE_DELIVERY_LABEL, NoticeDelivery.class)
        .when(values -> Party.PROVIDER.name().equals(values.get(NOTICE_PARTY)))
        .and((value, all) -> !NoticeDelivery.EMAIL.name().equals(value)
            || Clocks.today().equals(toDate(all.get(NOTICE_RECEIVED_DATE))),
            "为“" + NoticeDelivery.EMAIL.label() + "”时，通知今天发出并进入商家指定的邮箱，「通知送达日期」必须是今天"
                + "（《民法典》第一百三十七条）"));
    return InputRules.of(rules.toArray(Rule[]::new));
  }

  /** The contract a start form names. */
  private static Rule contractNumber() {
    return ContractNumbers.rule(CONTRACT_NUMBER, "合同编号");
  }

  public static boolean hasRules(String taskOrFormId) {
    return RULES.containsKey(taskOrFormId);
  }

  public static InputRules forStep(String taskOrFormId) {
    return RULES.getOrDefault(taskOrFormId, InputRules.none());
  }


  private static boolean withinDays(Object start, Object end, int days) {
    LocalDate first = toDate(start);
    LocalDate last = toDate(end);
    return first == null || last == null || !last.isAfter(first.plusDays(days - 1L));
  }
}
