package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.ServiceHours;
import com.bpocontractflow.contract.SettlementCycle;
import com.bpocontractflow.settlement.LatePayment;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six key clauses as structured fields, each specific and within sane ranges, and the standard
 * template's values that prefill a new contract. Chinese law adds: exactly one dispute forum (an
 * arbitration commission, or a people's court, never both), and a data clause that names the data, the
 * purpose, the protection, no sub-entrusting without consent, and the return or deletion at the end.
 */
public final class ClauseRules {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

  /** Every field of the six clauses, with the clause named in its label. */
  static final List<Rule> RULES = List.of(
      text(SERVICE_SCOPE, "服务范围与标准·服务范围").length(10, 2000),
      atLeastOne("服务范围与标准·服务内容", DUTY_PRE_SALES, DUTY_ORDER_CHECK, DUTY_AFTER_SALES, DUTY_REFUND),
      bool(DUTY_ORDER_CHECK, "服务范围与标准·订单核对"),
      bool(DUTY_AFTER_SALES, "服务范围与标准·售后跟进"),
      bool(DUTY_REFUND, "服务范围与标准·退款协商"),
      choice(SERVICE_HOURS, "服务范围与标准·服务时间", ServiceHours.class),
      bool(HOLIDAY_COVERAGE, "服务范围与标准·节假日值守"),
      wholeNumber(FIRST_RESPONSE_MINUTES, "服务范围与标准·首次响应时效（分钟）", 1, 60),
      wholeNumber(RESOLUTION_MINUTES, "服务范围与标准·问题解决时效（分钟）", 5, 1440),
      percent(SATISFACTION_TARGET, "服务范围与标准·客户满意度目标（%）", "50", "100"),
      percent(BAD_REVIEW_CEILING, "服务范围与标准·差评率上限（%）", "0", "10"),
      choice(BILLING_MODEL, "费用与支付方式·计费方式", BillingModel.class),
      amount(UNIT_PRICE, "费用与支付方式·单价（元）", new BigDecimal("0.01"), MAX_AMOUNT),
      amount(DEPOSIT_AMOUNT, "定金金额（元）", BigDecimal.ZERO, MAX_AMOUNT),
      choice(DEPOSIT_HANDLING, "定金处理方式", DepositHandling.class),
      text(EXTRA_FEES, "费用与支付方式·额外费用").length(1, 1000)
          .and((value, all) -> namesFeesOrNone((String) value), "须写“无”，或逐项写明加班费、节假日补贴、系统使用费、培训费等的金额或计算规则"),
      choice(SETTLEMENT_CYCLE, "费用与支付方式·结算周期", SettlementCycle.class),
      text(LATE_PAYMENT_RULE, "费用与支付方式·逾期付款规则").length(6, 500)
          .and((value, all) -> LatePayment.dailyPercent((String) value).isPresent(),
              "须写明每日违约金比例，例如“每逾期一日，按应付未付金额的 0.05% 支付违约金”"),
      text(DATA_CATEGORIES, "数据安全与保密·数据类别").length(2, 500),
      text(DATA_PURPOSE, "数据安全与保密·处理目的").length(2, 500),
      text(DATA_PROTECTION, "数据安全与保密·保护措施").length(6, 1000),
      confirmed(NO_SUB_ENTRUSTING, "数据安全与保密·不向第三方披露，未经甲方同意不转委托"),
      wholeNumber(DATA_RETURN_DAYS, "数据安全与保密·合同终止后返还或删除数据的期限（天）", 1, 90),
      text(DATA_LEAK_LIABILITY, "数据安全与保密·泄露责任与补救").length(6, 1000),
      percent(SLA_FEE_REDUCTION_PERCENT, "违约责任与赔偿·未达标时减免服务费（%）", "0", "50"),
      wholeNumber(SLA_FREE_EXTENSION_DAYS, "违约责任与赔偿·未达标时免费延长服务（天）", 0, 90),
      amount(SLA_PENALTY, "违约责任与赔偿·未达标违约金（元）", BigDecimal.ZERO, MAX_AMOUNT),
      amount(EARLY_TERMINATION_PENALTY, "违约责任与赔偿·甲方无故解约违约金（元）", BigDecimal.ZERO, MAX_AMOUNT),
      bool(SETUP_COSTS_REPAID, "违约责任与赔偿·甲方违约时偿还前期投入"),
      wholeNumber(TERM_MONTHS, "合同期限与续签/解约·合同期限（月）", 1, 60),
      wholeNumber(TRIAL_DAYS, "合同期限与续签/解约·试用期（天）", 0, 30),
      wholeNumber(TRIAL_EXIT_NOTICE_DAYS, "合同期限与续签/解约·试用期退出通知（天）", 0, 14),
      wholeNumber(RENEWAL_WINDOW_DAYS, "合同期限与续签/解约·续签协商提前（天）", 7, 90),
      wholeNumber(TERMINATION_NOTICE_DAYS, "合同期限与续签/解约·解约书面通知期（天）", 1, 90),
      wholeNumber(NEGOTIATION_DAYS, "纠纷解决方式·协商期限（天）", 1, 60),
      text(NEGOTIATION_CHANNEL, "纠纷解决方式·协商渠道").length(2, 200),
      choice(DISPUTE_FORUM, "纠纷解决方式·争议解决机构", DisputeForum.class),
      text(FORUM_VENUE, "纠纷解决方式·仲裁委员会或人民法院名称").length(4, 100)
          .and((value, all) -> venueFitsForum((String) value, all.get(DISPUTE_FORUM)),
              "须与所选方式一致，且只能有一个：仲裁须写明仲裁委员会名称（如“杭州仲裁委员会”），诉讼须写明人民法院名称"));

  /** The free-text clause fields that must be specific (checked by VaguePhrases), key -> label. */
  static final Map<String, String> SPECIFIC_TEXT = Map.of(
      SERVICE_SCOPE, "服务范围与标准·服务范围",
      EXTRA_FEES, "费用与支付方式·额外费用",
      LATE_PAYMENT_RULE, "费用与支付方式·逾期付款规则",
      DATA_PURPOSE, "数据安全与保密·处理目的",
      DATA_PROTECTION, "数据安全与保密·保护措施",
      DATA_LEAK_LIABILITY, "数据安全与保密·泄露责任与补救",
      NEGOTIATION_CHANNEL, "纠纷解决方式·协商渠道");

  private static final List<String> NAMED_FEES = List.of("加班费", "节假日补贴", "系统使用费", "培训费", "费");

  private ClauseRules() {
  }

  /** The clause rules plus further rules of a step. */
  static InputRules with(Rule... more) {
    Rule[] all = new Rule[RULES.size() + more.length];
    RULES.toArray(all);
    System.arraycopy(more, 0, all, RULES.size(), more.length);
    return InputRules.of(all);
  }

  /** The standard contract template's values, used where a new contract has none yet. */
  public static Map<String, Object> standardTemplate() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(DUTY_PRE_SALES, true);
    values.put(DUTY_ORDER_CHECK, true);
    values.put(DUTY_AFTER_SALES, true);
    values.put(DUTY_REFUND, true);
    values.put(HOLIDAY_COVERAGE, true);
    values.put(FIRST_RESPONSE_MINUTES, 5);
    values.put(RESOLUTION_MINUTES, 30);
    values.put(SATISFACTION_TARGET, "90");
    values.put(BAD_REVIEW_CEILING, "1");
    values.put(EXTRA_FEES, "无");
    values.put(SETTLEMENT_CYCLE, SettlementCycle.MONTHLY.name());
    values.put(LATE_PAYMENT_RULE, "每逾期一日，按应付未付金额的 0.05% 支付违约金");
    values.put(DATA_CATEGORIES, "顾客姓名、联系电话、收货地址、订单信息、聊天记录");
    values.put(DATA_PURPOSE, "仅用于本合同约定的售前咨询、订单核对、售后跟进和退款协商");
    values.put(DATA_PROTECTION, "子账号最小权限、访问留痕、客服签署保密协议、禁止截屏外传、数据加密存储");
    values.put(NO_SUB_ENTRUSTING, true);
    values.put(DATA_RETURN_DAYS, 30);
    values.put(DATA_LEAK_LIABILITY, "乙方在发现泄露后 24 小时内通知甲方并采取补救措施，赔偿甲方因此遭受的全部损失");
    values.put(SLA_FEE_REDUCTION_PERCENT, "5");
    values.put(SLA_FREE_EXTENSION_DAYS, 0);
    values.put(SLA_PENALTY, "0");
    values.put(EARLY_TERMINATION_PENALTY, "0");
    values.put(SETUP_COSTS_REPAID, true);
    values.put(TRIAL_DAYS, 14);
    values.put(TRIAL_EXIT_NOTICE_DAYS, 3);
    values.put(RENEWAL_WINDOW_DAYS, 30);
    values.put(TERMINATION_NOTICE_DAYS, 30);
    values.put(NEGOTIATION_DAYS, 15);
    values.put(NEGOTIATION_CHANNEL, "双方指定联系人以电子邮件书面协商");
    return values;
  }

  static boolean namesFeesOrNone(String text) {
    String trimmed = text.trim();
    return trimmed.equals("无") || NAMED_FEES.stream().anyMatch(trimmed::contains);
  }

  static boolean venueFitsForum(String venue, Object forum) {
    boolean arbitration = venue.contains("仲裁委员会");
    boolean court = venue.contains("人民法院");
    if (arbitration == court) {
      return false; // neither named, or both: a clause allowing "arbitration or court" is void as to arbitration
    }
    return DisputeForum.ARBITRATION.name().equals(forum) ? arbitration : court;
  }
}
