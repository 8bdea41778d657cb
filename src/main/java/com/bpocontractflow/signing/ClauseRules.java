package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.CreditCode;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.ServiceHours;
import com.bpocontractflow.contract.SettlementCycle;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.settlement.Dingjin;
import com.bpocontractflow.settlement.FeeCalculator;
import com.bpocontractflow.settlement.LatePayment;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The six key clauses as structured fields, each specific and within sane ranges, and the standard
 * template's values that prefill a new contract. Chinese law adds: exactly one dispute forum (an
 * arbitration commission, or a people's court, never both), and a data clause that names the data, the
 * purpose, the protection, no sub-entrusting without consent, and the return or deletion at the end.
 */
public final class ClauseRules {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

  static final String LATE_PAYMENT_LABEL = "费用与支付方式·逾期付款规则";
  static final String ESTIMATED_VOLUME_LABEL = "费用与支付方式·预计每月咨询量或订单量";
  static final long MAX_MONTHLY_VOLUME = 100_000_000L;
  static final String TRIAL_DAYS_LABEL = "合同期限与续签/解约·试用期（天）";
  static final String TRIAL_EXIT_NOTICE_LABEL = "合同期限与续签/解约·试用期退出通知（天）";

  /**
   * Every field of the contract that legal drafts: the merchant as a party (as on its business licence,
   * with the address and e-mail where notices count as received) and the place of signing (Civil Code
   * art. 493), then the six clauses, each with the clause named in its label.
   */
  static final List<Rule> RULES = List.of(
      text(MERCHANT_LEGAL_NAME, "甲方主体·名称（与营业执照一致）").length(4, 100),
      text(MERCHANT_CREDIT_CODE, "甲方主体·统一社会信用代码").length(18, 18)
          .andProblem((value, all) -> CreditCode.problem(((String) value).trim()).orElse(null)),
      text(MERCHANT_ADDRESS, "甲方主体·住所（营业执照登记地址）").length(5, 200),
      text(MERCHANT_LEGAL_REPRESENTATIVE, "甲方主体·法定代表人或授权代表").length(2, 50),
      text(NOTICE_ADDRESS, "甲方主体·送达地址").length(5, 200),
      email(NOTICE_EMAIL, "甲方主体·送达电子邮箱"),
      text(SIGNING_PLACE, "合同签订·签订地").length(2, 100),
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
      percent(SLA_ON_TIME_TARGET_PERCENT, "服务范围与标准·按时首次响应和按时解决的比例（%）", "50", "100"),
      // optional: when set, a month above it counts as one more missed KPI in the SLA review (第四条)
      wholeNumber(MONTHLY_COMPLAINT_CEILING, "违约责任与赔偿·每月投诉数上限（件）", 0, 100000).optional(),
      choice(BILLING_MODEL, "费用与支付方式·计费方式", BillingModel.class),
      amount(UNIT_PRICE, "费用与支付方式·单价（元）", new BigDecimal("0.01"), MAX_AMOUNT),
      // the contract's value for volume billing, on which the 定金 cap is taken: required there, else optional
      wholeNumber(ESTIMATED_MONTHLY_VOLUME, ESTIMATED_VOLUME_LABEL, 1, MAX_MONTHLY_VOLUME)
          .when(ClauseRules::volumeBilling),
      wholeNumber(ESTIMATED_MONTHLY_VOLUME, ESTIMATED_VOLUME_LABEL, 1, MAX_MONTHLY_VOLUME).optional()
          .when(values -> !volumeBilling(values)),
      choice(DEPOSIT_KIND, "费用与支付方式·定金或履约保证金", DepositKind.class),
      amount(DEPOSIT_AMOUNT, "费用与支付方式·定金或履约保证金金额（元）", BigDecimal.ZERO, MAX_AMOUNT)
          .andProblem(ClauseRules::dingjinOverCap),
      choice(DEPOSIT_HANDLING, "费用与支付方式·定金或履约保证金的处理", DepositHandling.class),
      text(EXTRA_FEES, "费用与支付方式·额外费用").length(1, 1000)
          .andProblem((value, all) -> extraFeesProblem((String) value)),
      choice(SETTLEMENT_CYCLE, "费用与支付方式·结算周期", SettlementCycle.class),
      text(LATE_PAYMENT_RULE, LATE_PAYMENT_LABEL).length(6, 500)
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
      // termination is symmetric: either party may end the contract by notice (第五条), each with its own penalty
      amount(PROVIDER_EARLY_TERMINATION_PENALTY, "违约责任与赔偿·乙方无故解约违约金（元）", BigDecimal.ZERO, MAX_AMOUNT),
      wholeNumber(TERM_MONTHS, "合同期限与续签/解约·合同期限（月）", 1, 60),
      wholeNumber(TRIAL_DAYS, TRIAL_DAYS_LABEL, 0, 30),
      wholeNumber(TRIAL_EXIT_NOTICE_DAYS, TRIAL_EXIT_NOTICE_LABEL, 0, 14)
          .andProblem(ClauseRules::trialExitNoticeProblem),
      wholeNumber(RENEWAL_WINDOW_DAYS, "合同期限与续签/解约·续签协商提前（天）", 7, 90),
      wholeNumber(TERMINATION_NOTICE_DAYS, "合同期限与续签/解约·解约书面通知期（天）", 1, 90),
      wholeNumber(NEGOTIATION_DAYS, "纠纷解决方式·协商期限（天）", 1, 60),
      text(NEGOTIATION_CHANNEL, "纠纷解决方式·协商渠道").length(2, 200),
      choice(DISPUTE_FORUM, "纠纷解决方式·争议解决机构", DisputeForum.class),
      text(FORUM_VENUE, "纠纷解决方式·仲裁委员会或人民法院名称").length(4, 100)
          .andProblem((value, all) -> venueProblem((String) value, all.get(DISPUTE_FORUM))));

  /** The free-text clause fields that must be specific (checked by VaguePhrases), key -> label. */
  static final Map<String, String> SPECIFIC_TEXT = Map.of(
      SERVICE_SCOPE, "服务范围与标准·服务范围",
      EXTRA_FEES, "费用与支付方式·额外费用",
      LATE_PAYMENT_RULE, LATE_PAYMENT_LABEL,
      DATA_PURPOSE, "数据安全与保密·处理目的",
      DATA_PROTECTION, "数据安全与保密·保护措施",
      DATA_LEAK_LIABILITY, "数据安全与保密·泄露责任与补救",
      NEGOTIATION_CHANNEL, "纠纷解决方式·协商渠道");

  private static final String EXTRA_FEES_RULE =
      "须写“无”，或逐项写明费用名称及金额（元）或比例（%），各项之间用“；”隔开，例如“加班费每小时 50 元；节假日补贴为当日服务费的 100%”";
  /** Items of the extra fees: separated by semicolons, commas, enumeration commas or line breaks. */
  private static final Pattern FEE_SEPARATOR = Pattern.compile("[；;，,、\\r\\n]+");
  /** A thousands separator inside a number ("2,000 元"), which separates no items. */
  private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=[0-9０-９])[,，](?=[0-9０-９]{3}(?![0-9０-９]))");
  /** An amount in yuan (digits, or Chinese numerals as in 伍佰元) or a rate in percent. */
  private static final Pattern FEE_AMOUNT = Pattern.compile(
      "(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)\\s*万?\\s*元"
          + "|[0-9０-９]+(?:[.．][0-9０-９]+)?\\s*[%％]");
  private static final String COURT = "人民法院";
  private static final String COMMISSION = "仲裁委员会";
  /** Words that point at a court or commission without naming it ("乙方所在地人民法院", "有管辖权的人民法院"). */
  private static final List<String> UNNAMED_VENUE = List.of("所在地", "住所地", "签订地", "履行地", "管辖权", "当地",
      "甲方", "乙方", "原告", "被告", "一方", "双方");

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
    // the share of first replies and of issues within the times above that counts as met (sla-review)
    values.put(SLA_ON_TIME_TARGET_PERCENT, "95");
    // security unless legal chooses a 定金: no forfeiture or double return, no cap, today's settlement
    values.put(DEPOSIT_KIND, DepositKind.PERFORMANCE_BOND.name());
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
    values.put(PROVIDER_EARLY_TERMINATION_PENALTY, "0");
    values.put(TRIAL_DAYS, 14);
    values.put(TRIAL_EXIT_NOTICE_DAYS, 3);
    values.put(RENEWAL_WINDOW_DAYS, 30);
    values.put(TERMINATION_NOTICE_DAYS, 30);
    values.put(NEGOTIATION_DAYS, 15);
    values.put(NEGOTIATION_CHANNEL, "双方指定联系人以电子邮件书面协商");
    return values;
  }

  /** True when the values bill by volume (per inquiry, per order). */
  static boolean volumeBilling(Map<String, Object> values) {
    Object model = values.get(BILLING_MODEL);
    return BillingModel.PER_INQUIRY.name().equals(model) || BillingModel.PER_ORDER.name().equals(model);
  }

  /**
   * What is wrong with a 定金 of this amount, or null: it may be at most 20 % of the contract's value (Civil
   * Code art. 586; the excess would not be 定金). The value is the monthly fee × the term for seat and fixed
   * billing, the estimated monthly volume × the unit price × the term for volume billing. A 履约保证金 has no
   * cap. When a value the cap needs is missing or invalid, its own rule says so.
   */
  static String dingjinOverCap(Object deposit, Map<String, Object> all) {
    if (!DepositKind.DINGJIN.name().equals(all.get(DEPOSIT_KIND))) {
      return null;
    }
    BillingModel model = enumValue(BillingModel.class, all.get(BILLING_MODEL));
    BigDecimal amount = InputRules.toDecimal(deposit);
    BigDecimal price = InputRules.toDecimal(all.get(UNIT_PRICE));
    Long term = InputRules.toWholeNumber(all.get(TERM_MONTHS));
    Long seats = InputRules.toWholeNumber(all.get(SEATS));
    Long volume = InputRules.toWholeNumber(all.get(ESTIMATED_MONTHLY_VOLUME));
    if (model == null || amount == null || price == null || price.signum() <= 0 || term == null || term < 1
        || term > Integer.MAX_VALUE) {
      return null;
    }
    if (model == BillingModel.PER_SEAT && (seats == null || seats < 1 || seats > Integer.MAX_VALUE)) {
      return "无法计算定金上限：合同没有客服座席数";
    }
    if (volumeBilling(all) && (volume == null || volume < 1 || volume > MAX_MONTHLY_VOLUME)) {
      return null;
    }
    BigDecimal value = FeeCalculator.contractValue(model, price, seats == null ? 0 : seats.intValue(),
        term.intValue(), volume);
    BigDecimal cap = Dingjin.cap(value);
    if (amount.compareTo(cap) <= 0) {
      return null;
    }
    String unit = MerchantMailer.yuan(price);
    String basis = switch (model) {
      case PER_SEAT -> seats + " 个座席 × " + unit + " 元/座席/月 × " + term + " 个月";
      case FIXED_MONTHLY -> "月费 " + unit + " 元 × " + term + " 个月";
      case FIXED_YEARLY -> "年费 " + unit + " 元 ÷ 12 × " + term + " 个月";
      case PER_INQUIRY -> "预计每月 " + volume + " 次咨询 × " + unit + " 元/次咨询 × " + term + " 个月";
      case PER_ORDER -> "预计每月 " + volume + " 单 × " + unit + " 元/单 × " + term + " 个月";
    };
    return "定金 " + MerchantMailer.yuan(amount) + " 元超过上限：定金不得超过合同标的额的 20%，超过部分不产生定金效力"
        + "（《民法典》第五百八十六条）。本合同标的额为 " + MerchantMailer.yuan(value) + " 元（" + basis + "），定金最多 "
        + MerchantMailer.yuan(cap) + " 元；需要更高金额的，请选择履约保证金";
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, Object value) {
    try {
      return value instanceof String name ? Enum.valueOf(type, name) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * What is wrong with the trial's exit notice, or null: a notice that must be given during the trial can be
   * at most as long as the trial (a notice of 3 days in a 2-day trial could never be given in time). Without
   * a trial (0 days) the exit notice is ignored: the contract leaves the trial sentence out and the service
   * term never uses it, so the template's value may stay. When the trial's own value is invalid, its rule
   * says so.
   */
  static String trialExitNoticeProblem(Object notice, Map<String, Object> all) {
    Long days = InputRules.toWholeNumber(notice);
    Long trial = InputRules.toWholeNumber(all.get(TRIAL_DAYS));
    if (days == null || trial == null || trial < 1 || days <= trial) {
      return null;
    }
    return "不能超过「" + TRIAL_DAYS_LABEL + "」（" + trial + " 天）：试用期退出通知须在试用期内发出";
  }

  /**
   * What is wrong with the extra fees, or null: exactly "无", or named fees each stating an amount in yuan
   * or a rate in percent. "其他费用另议" leaves a fee open, which is what the clause must not do.
   */
  static String extraFeesProblem(String text) {
    String fees = withoutFullStop(text.strip());
    if (fees.equals("无")) {
      return null;
    }
    int named = 0;
    for (String item : FEE_SEPARATOR.split(THOUSANDS_SEPARATOR.matcher(fees).replaceAll(""))) {
      String fee = withoutFullStop(item.strip());
      if (InputRules.isBlank(fee)) {
        continue;
      }
      if (!FEE_AMOUNT.matcher(fee).find()) {
        return EXTRA_FEES_RULE + "；“" + excerpt(fee) + "”没有写明金额（元）或比例（%）";
      }
      if (FEE_AMOUNT.matcher(fee).replaceAll("").codePoints().filter(Character::isLetter).count() < 2) {
        return EXTRA_FEES_RULE + "；“" + excerpt(fee) + "”没有写明费用名称";
      }
      named++;
    }
    return named == 0 ? EXTRA_FEES_RULE : null;
  }

  /**
   * What is wrong with the venue, or null. Exactly one forum, the one chosen (a clause allowing
   * "arbitration or court" is void as to arbitration), and named: an arbitration agreement without a
   * named commission is void, and a court is named by its place ("杭州市西湖区人民法院"), so at least
   * two characters of name must come before 人民法院 or 仲裁委员会. And only one: an agreement naming two
   * commissions is void unless the parties later agree on one (SPC interpretation of the Arbitration Law,
   * 法释〔2006〕7号, art. 5); two courts are lawful (SPC interpretation of the Civil Procedure Law art. 30) but
   * leave the plaintiff the choice, so the clause names one. Whether a court is at a place connected to the
   * contract (Civil Procedure Law art. 35) needs the provider's address: {@link CourtVenues}.
   */
  static String venueProblem(String venue, Object forum) {
    String name = venue.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
            && Character.getType(c) != Character.FORMAT)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    boolean arbitration = name.contains(COMMISSION);
    boolean court = name.contains(COURT);
    if (arbitration == court || !(DisputeForum.ARBITRATION.name().equals(forum) ? arbitration : court)) {
      return "须与所选方式一致，且只能有一个：仲裁须写明仲裁委员会名称（如“杭州仲裁委员会”），诉讼须写明人民法院名称（如“杭州市西湖区人民法院”）";
    }
    String body = court ? COURT : COMMISSION;
    String example = court ? "杭州市西湖区人民法院" : "上海仲裁委员会";
    String namedBy = hanBefore(name, name.indexOf(body));
    if (namedBy.length() < 2) {
      return "须写明具体的" + body + "名称，例如“" + example + "”，不能只写“" + body + "”";
    }
    if (name.indexOf(body) != name.lastIndexOf(body)) {
      return "只能写一个" + body + (court ? "" : "：约定两个以上仲裁机构而不能就选择达成一致的，仲裁协议无效");
    }
    return UNNAMED_VENUE.stream().filter(namedBy::contains).findFirst()
        .map(word -> "须写明具体的" + body + "名称，例如“" + example + "”，不能写“" + word + "”这类不确定的说法")
        .orElse(null);
  }

  /** The Chinese characters right before {@code end}. */
  private static String hanBefore(String text, int end) {
    int start = end;
    while (start > 0 && Character.UnicodeScript.of(text.charAt(start - 1)) == Character.UnicodeScript.HAN) {
      start--;
    }
    return text.substring(start, end);
  }

  private static String withoutFullStop(String text) {
    return text.endsWith("。") ? text.substring(0, text.length() - 1).strip() : text;
  }

  private static String excerpt(String text) {
    return text.length() <= 30 ? text : text.substring(0, 30) + "…";
  }

  /**
   * What is wrong with the late-payment rule given the highest daily rate allowed, or null. A rule
   * without a daily rate is refused by its field rule; here every daily rate it states must be within
   * the cap (see {@link LatePaymentCap} for why there is one).
   */
  static String latePaymentOverCap(Object rule, BigDecimal dailyCapPercent) {
    if (!(rule instanceof String text)) {
      return null;
    }
    return LatePayment.dailyPercents(text).stream().filter(rate -> rate.compareTo(dailyCapPercent) > 0)
        .findFirst()
        .map(rate -> "「" + LATE_PAYMENT_LABEL + "」每日违约金比例 " + rate.stripTrailingZeros().toPlainString()
            + "% 超过上限：每日不得超过 " + dailyCapPercent.stripTrailingZeros().toPlainString()
            + "%（过高的违约金可被法院或仲裁机构调减）")
        .orElse(null);
  }
}
