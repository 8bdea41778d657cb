package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.PeakPeriod;
import com.bpocontractflow.contract.ServiceChannel;
import com.bpocontractflow.contract.ServiceHours;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What each step of {@code contract-signing} requires, checked on the server whatever the input came
 * through (Tasklist form, REST call, message). The forms in forms/ state the same rules for the browser.
 */
public final class SigningInputRules {

  /** The form id of the start event. */
  public static final String START_FORM = "contract-request";

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
  static final long MAX_DAILY_VOLUME = 10_000_000L;

  private static final Map<String, InputRules> RULES = Map.ofEntries(
      Map.entry(START_FORM, InputRules.of(
          text(MERCHANT_NAME, "商家名称").length(2, 100),
          email(MERCHANT_EMAIL, "商家邮箱"),
          text(CONTACT_PERSON, "联系人").length(1, 50),
          text(CONTACT_PHONE, "联系电话").optional().length(1, 20).matches("^[0-9+\\- ]{6,20}$", "只能包含数字、空格、+ 和 -（6 到 20 位）"),
          choice(SHOP_PLATFORM, "店铺平台", ShopPlatform.class),
          wholeNumber(SEATS, "客服座席数", 1, 2000),
          text(SERVICE_NEEDS, "需求说明").optional().length(0, 2000),
          // the merchant's needs as data (issue #17): channels, categories, volumes, hours, peaks
          atLeastOne("咨询渠道", ServiceChannel.variables()),
          bool(ServiceChannel.QIANNIU.variable(), "咨询渠道·千牛").optional(),
          bool(ServiceChannel.JD_DONGDONG.variable(), "咨询渠道·京东咚咚").optional(),
          bool(ServiceChannel.DOUDIAN_FEIGE.variable(), "咨询渠道·抖店飞鸽").optional(),
          bool(ServiceChannel.PINDUODUO.variable(), "咨询渠道·拼多多").optional(),
          bool(ServiceChannel.PHONE.variable(), "咨询渠道·电话").optional(),
          bool(ServiceChannel.WECHAT.variable(), "咨询渠道·微信").optional(),
          text(PRODUCT_CATEGORIES, "经营品类").length(2, 500),
          wholeNumber(DAILY_INQUIRIES, "预计每日咨询量", 0, MAX_DAILY_VOLUME),
          wholeNumber(DAILY_ORDERS, "预计每日订单量", 0, MAX_DAILY_VOLUME),
          choice(REQUESTED_SERVICE_HOURS, "期望服务时间", ServiceHours.class),
          bool(HOLIDAY_COVER_WANTED, "法定节假日也需要客服值守").optional(),
          wholeNumber(PeakPeriod.DOUBLE_11.variable(), "大促加座·双十一（个）", 0, 2000).optional(),
          wholeNumber(PeakPeriod.MID_YEAR_618.variable(), "大促加座·618（个）", 0, 2000).optional(),
          wholeNumber(PeakPeriod.NEW_YEAR_SHOPPING.variable(), "大促加座·年货节（个）", 0, 2000).optional())),
      Map.entry(DRAFT_PROPOSAL, InputRules.of(
          text(SERVICE_SCOPE, "服务范围").length(10, 2000),
          wholeNumber(SEATS, "客服座席数", 1, 2000),
          choice(SERVICE_HOURS, "服务时间", ServiceHours.class),
          // the quote's further lines (Quote): holiday cover, peak-period seats, extra fees of the fee clause;
          // optional, as absent they mean none (contracts requested before issue #17 have no such variables)
          bool(HOLIDAY_COVERAGE, "法定节假日值守").optional(),
          amount(HOLIDAY_COVER_FEE, "法定节假日值守费（元/月）", BigDecimal.ZERO, MAX_AMOUNT)
              .when(v -> Boolean.TRUE.equals(v.get(HOLIDAY_COVERAGE))),
          wholeNumber(PeakPeriod.DOUBLE_11.variable(), "大促加座·双十一（个）", 0, 2000).optional(),
          wholeNumber(PeakPeriod.MID_YEAR_618.variable(), "大促加座·618（个）", 0, 2000).optional(),
          wholeNumber(PeakPeriod.NEW_YEAR_SHOPPING.variable(), "大促加座·年货节（个）", 0, 2000).optional(),
          amount(PEAK_SEAT_PRICE, "大促加座单价（元/座席/活动期）", new BigDecimal("0.01"), MAX_AMOUNT)
              .when(SigningInputRules::peakSeatsQuoted),
          text(EXTRA_FEES, "额外费用").optional().length(0, 1000)
              .andProblem((value, all) -> ClauseRules.extraFeesProblem((String) value)),
          choice(BILLING_MODEL, "计费方式", BillingModel.class),
          amount(UNIT_PRICE, "单价（元）", new BigDecimal("0.01"), MAX_AMOUNT),
          amount(DEPOSIT_AMOUNT, "定金或履约保证金金额（元）", BigDecimal.ZERO, MAX_AMOUNT),
          wholeNumber(TERM_MONTHS, "合同期限（月）", 1, 60),
          wholeNumber(FIRST_RESPONSE_MINUTES, "首次响应时效（分钟）", 1, 60),
          percent(SATISFACTION_TARGET, "客户满意度目标（%）", "50", "100"))),
      Map.entry(APPROVE_PROPOSAL, InputRules.of(
          bool(PROPOSAL_APPROVED, "批准发送此方案"),
          text(APPROVAL_COMMENT, "退回意见").length(2, 2000).when(v -> Boolean.FALSE.equals(v.get(PROPOSAL_APPROVED))),
          text(APPROVAL_COMMENT, "审批意见").optional().length(0, 2000)
              .when(v -> !Boolean.FALSE.equals(v.get(PROPOSAL_APPROVED))))),
      Map.entry(CONFIRM_PROPOSAL, InputRules.of(
          choice(PROPOSAL_DECISION, "商家答复", ProposalDecision.class),
          text(PROPOSAL_COMMENT, "修改意见").length(2, 2000)
              .when(v -> ProposalDecision.REVISION_REQUESTED.name().equals(v.get(PROPOSAL_DECISION))),
          text(PROPOSAL_COMMENT, "商家意见").optional().length(0, 2000)
              .when(v -> !ProposalDecision.REVISION_REQUESTED.name().equals(v.get(PROPOSAL_DECISION))))),
      Map.entry(DRAFT_CONTRACT, ClauseRules.with(
          choice(SIGNING_METHOD, "签署方式", SigningMethod.class))),
      Map.entry(APPROVE_CONTRACT_CHANGES, InputRules.of(
          bool(CHANGES_APPROVED, "批准变更"),
          text(CHANGES_APPROVAL_COMMENT, "退回意见").length(2, 2000).when(v -> Boolean.FALSE.equals(v.get(CHANGES_APPROVED))),
          text(CHANGES_APPROVAL_COMMENT, "审批意见").optional().length(0, 2000)
              .when(v -> !Boolean.FALSE.equals(v.get(CHANGES_APPROVED))))),
      Map.entry(REVIEW_CLAUSES, InputRules.of(
          bool(CLAUSES_AGREED, "商家同意全部条款"),
          text(CLAUSE_FEEDBACK, "商家修改意见").length(2, 4000)
              .when(v -> Boolean.FALSE.equals(v.get(CLAUSES_AGREED))))),
      Map.entry(REVISE_CLAUSES, ClauseRules.with(
          text(REVISION_SUMMARY, "修改说明").length(2, 4000))),
      Map.entry(SEAL_CONTRACT, InputRules.of(
          text(SEALED_BY, "盖章经办人").length(1, 50),
          pastDate(SEALED_DATE, "盖章日期"))),
      Map.entry(COURIER_CONTRACT, InputRules.of(
          text(COURIER_COMPANY, "快递公司").length(2, 40),
          text(TRACKING_NUMBER, "快递单号").length(1, 30).matches("^[A-Za-z0-9-]{6,30}$", "只能包含字母、数字和 -（6 到 30 位）"))),
      Map.entry(RECEIVE_COUNTERSIGNED_CONTRACT, InputRules.of(
          // the contract is formed when the merchant seals (Civil Code art. 490): after our seal, before it reached us
          pastDate(MERCHANT_SEALED_DATE, "商家盖章日期")
              .and((value, all) -> notBefore(value, all.get(SEALED_DATE)), "不能早于我方盖章日期")
              .and((value, all) -> notBefore(all.get(COUNTERSIGNED_RECEIVED_DATE), value), "不能晚于收到回寄合同的日期"),
          pastDate(COUNTERSIGNED_RECEIVED_DATE, "收到回寄合同的日期")
              .and((value, all) -> notBefore(value, all.get(SEALED_DATE)), "不能早于我方盖章日期"),
          confirmed(COUNTERSIGNED_COPY_CHECKED, "已核对商家盖章完整有效"))),
      Map.entry(COUNTERSIGN_CONTRACT, InputRules.of(
          text(COUNTERSIGNED_BY, "我方签署人").length(1, 50),
          confirmed(COUNTERSIGN_CONFIRMED, "已核对商家签署的合同版本"))),
      Map.entry(CONFIRM_DEPOSIT, InputRules.of(
          amount(DEPOSIT_RECEIVED_AMOUNT, "本次到账金额（元）", new BigDecimal("0.01"), MAX_AMOUNT),
          DepositPaymentDelegate.paymentReference())),
      Map.entry(CONDUCT_TRAINING, InputRules.of(
          wholeNumber(TRAINED_AGENTS, "参训客服人数", 1, 2000),
          text(TRAINING_NOTES, "培训内容").length(2, 2000))),
      Map.entry(ASSESS_TRAINING, InputRules.of(
          wholeNumber(ASSESSMENT_SCORE, "考核平均分", 0, 100),
          bool(TRAINING_PASSED, "考核通过"))),
      Map.entry(AUTHORIZE_SUBACCOUNTS, InputRules.of(
          wholeNumber(SUBACCOUNT_COUNT, "已授权子账号数", 1, 2000),
          confirmed(SUBACCOUNTS_AUTHORIZED, "子账号已授权并验证可登录"))),
      Map.entry(CONFIGURE_CS_SOFTWARE, InputRules.of(
          text(CS_SOFTWARE, "客服软件").length(2, 100),
          confirmed(CS_SOFTWARE_CONFIGURED, "客服软件已配置并测试"))),
      Map.entry(APPROVE_GO_LIVE, InputRules.of(
          futureDate(GO_LIVE_DATE, "上线日期"),
          confirmed(GO_LIVE_APPROVED, "批准正式上线"))),
      Map.entry(REVIEW_OVERDUE_GO_LIVE, escalationRules()),
      Map.entry("escalation", escalationRules()),
      // the sealed paper original: where it is kept, and its scan uploaded on the staff page beforehand
      Map.entry(ARCHIVE_CONTRACT_ORIGINAL, InputRules.of(
          text(ARCHIVE_LOCATION, "合同原件·存放位置（档案盒编号和位置）").length(2, 200)
              .matches("^[^<>]*$", "不能包含 < 或 >"),
          text(ORIGINAL_SCAN_SHA256, "合同原件·盖章原件扫描件")
              .ifMissing("尚未上传：请先打开上传页面上传盖章原件的扫描件（PDF、JPG 或 PNG），再完成本任务")
              .matches("^[0-9a-f]{64}$", "无效，请重新上传"))),
      Map.entry(ESCALATE_ARCHIVE_ORIGINAL, InputRules.of(
          text(ESCALATION_ACTION, "处理措施").length(2, 2000))));

  /** Free text that must be specific, per step: field key -> label (checked by VaguePhrases). */
  private static final Map<String, Map<String, String>> SPECIFIC_TEXT = Map.of(
      DRAFT_PROPOSAL, Map.of(SERVICE_SCOPE, "服务范围"),
      DRAFT_CONTRACT, ClauseRules.SPECIFIC_TEXT,
      REVISE_CLAUSES, withEntry(ClauseRules.SPECIFIC_TEXT, REVISION_SUMMARY, "修改说明"));

  /** The form id of each user task whose form is shared. */
  private static final Map<String, String> SHARED_FORMS = Map.of(
      ESCALATE_PROPOSAL_ANSWER, "escalation",
      ESCALATE_CLAUSE_FEEDBACK, "escalation",
      ESCALATE_E_SIGNATURE, "escalation",
      ESCALATE_COUNTERSIGNED_COPY, "escalation",
      ESCALATE_DEPOSIT, "escalation",
      REVIEW_OVERDUE_SIGNING, "escalation");

  private SigningInputRules() {
  }

  /** An escalation: the action chosen (EscalationActions) with the fields it needs, and the note. */
  private static InputRules escalationRules() {
    return InputRules.of(
        // no choice: the measure is only recorded, as before the choices existed
        choice(ESCALATION_CHOICE, "处理方式", EscalationChoice.class).optional(),
        wholeNumber(EXTEND_WORKING_DAYS, "延长的工作日数", 1, EscalationChoice.MAX_EXTENSION_DAYS)
            .when(v -> EscalationChoice.EXTEND.name().equals(v.get(ESCALATION_CHOICE))),
        text(REASSIGN_TO, "转交给（用户名）").length(1, 64)
            .when(v -> EscalationChoice.REASSIGN.name().equals(v.get(ESCALATION_CHOICE))),
        text(CANCELLATION_REASON, "取消原因").length(2, 500)
            .when(v -> EscalationChoice.CANCEL.name().equals(v.get(ESCALATION_CHOICE))),
        text(ESCALATION_ACTION, "处理措施").length(2, 2000));
  }

  /** The rules for a user task (by task definition key) or for the start form. */
  public static InputRules forStep(String taskOrFormId) {
    String formId = SHARED_FORMS.getOrDefault(taskOrFormId, taskOrFormId);
    return RULES.getOrDefault(formId, InputRules.none());
  }

  /** The step's free-text fields that must be specific, as label -> submitted text. */
  public static Map<String, Object> specificTexts(String taskOrFormId, Map<String, Object> values) {
    Map<String, Object> texts = new java.util.LinkedHashMap<>();
    SPECIFIC_TEXT.getOrDefault(taskOrFormId, Map.of()).forEach((key, label) -> texts.put(label, values.get(key)));
    return texts;
  }

  public static boolean hasRules(String taskOrFormId) {
    return RULES.containsKey(SHARED_FORMS.getOrDefault(taskOrFormId, taskOrFormId));
  }

  /** True when the proposal quotes extra seats for a peak period (their price is then required). */
  static boolean peakSeatsQuoted(Map<String, Object> values) {
    for (PeakPeriod peak : PeakPeriod.values()) {
      Long seats = toWholeNumber(values.get(peak.variable()));
      if (seats != null && seats > 0) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> withEntry(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }

}
