package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.ServiceHours;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.MailRenderer;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.mail.PayeeAccount;
import com.bpocontractflow.mail.ServicePromises;
import com.bpocontractflow.mail.ProviderProperties;
import com.bpocontractflow.signing.ClauseRules;
import com.bpocontractflow.signing.SigningTestData;
import com.bpocontractflow.sla.SlaTestTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The contract as a lawyer reads it (issue #11): both parties with their registered names, credit codes,
 * addresses and addresses for notices; the notice clause that says when a notice counts as received;
 * governing law; formation and effect for the signing method; signature and seal blocks on paper, the
 * e-signature page otherwise; every amount with its unit; no penalty of zero and no doubled words.
 */
class ContractDocumentTest {

  static final ProviderParty PROVIDER = new ProviderParty("91330106MA27XU3X6N", "浙江省杭州市西湖区文三路 90 号 8 楼",
      "陈星海", "浙江省杭州市西湖区文三路 90 号 8 楼 法务部", "legal@bpo.example.com");

  final ClauseSets clauseSets = mock(ClauseSets.class);
  final ContractDocument document = new ContractDocument(templates(), new MerchantMailer(new MailRenderer(),
      mock(MailOutbox.class), new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"),
      new ServicePromises(1), new PayeeAccount(null, null, null), clauseSets), clauseSets, PROVIDER, SlaTestTables.shippedDecisions());

  static SpringTemplateEngine templates() {
    return com.bpocontractflow.term.AppTables.documentTemplates();
  }

  Map<String, Object> clauses(Object... overrides) {
    Map<String, Object> clauses = new HashMap<>(ClauseRules.standardTemplate());
    clauses.putAll(SigningTestData.parties());
    clauses.put("disputeForum", "ARBITRATION");
    clauses.put("forumVenue", "杭州仲裁委员会");
    for (int i = 0; i < overrides.length; i += 2) {
      clauses.put((String) overrides[i], overrides[i + 1]);
    }
    return clauses;
  }

  /** The text of the PDF made from the rendered contract, as a reader copies it (white space removed). */
  String pdfText(SigningMethod method, Map<String, Object> clauses) throws Exception {
    return pdfText(TestContracts.contract(7L, "BPO-2026-000007", new BigDecimal("5000.00"), method), clauses);
  }

  /** The PDF of the rendered contract (PdfRendererTest checks it as a whole). */
  byte[] pdf(Contract contract, Map<String, Object> clauses) {
    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses));
    ContractDocument.Rendered html = document.render(contract);
    return PdfRendererTest.RENDERER.render(html.html(), "客服外包服务合同", Instant.parse("2026-11-30T02:00:00Z"), 7L);
  }

  String pdfText(Contract contract, Map<String, Object> clauses) throws Exception {
    byte[] pdf = pdf(contract, clauses);
    try (PDDocument loaded = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true); // inline runs in reading order
      return stripper.getText(loaded).replaceAll("[\\s\\u3000]+", "");
    }
  }

  @Test
  void shouldNameBothPartiesWithTheirCreditCodesAndAddressesForNotices() throws Exception {
    String text = pdfText(SigningMethod.PAPER, clauses());

    assertThat(text).contains("甲方（委托方）杭州小象电子商务有限公司", "统一社会信用代码91330100716105852F",
        "法定代表人或授权代表王小明", "送达地址浙江省杭州市余杭区文一西路969号3号楼502室", "送达电子邮箱legal@xiaoxiang.example.com",
        "乙方（受托方）星海客服外包服务有限公司", "统一社会信用代码91330106MA27XU3X6N",
        "送达地址浙江省杭州市西湖区文三路90号8楼法务部");
    assertThat(text).contains("第七条通知与送达", "自该邮件进入对方送达电子邮箱所在系统之时视为送达", "《民法典》第一百三十七条");
    assertThat(text).contains("第八条法律适用", "均适用中华人民共和国法律");
    assertThat(text).contains("合同签订地：浙江省杭州市西湖区");
    assertThat(text).contains("服务事项：售前咨询、订单核对、售后跟进、退款协商。服务范围：");
  }

  @Test
  void shouldGiveAPaperContractSignatureAndSealBlocksAndItsFormationRule() throws Exception {
    String text = pdfText(SigningMethod.PAPER, clauses());

    assertThat(text).contains("自双方法定代表人或授权代表签字并加盖公章或合同专用章之日起成立并生效", "以最后一方签字盖章之日为准",
        "本合同一式贰份，甲乙双方各执壹份", "甲方（盖章）：杭州小象电子商务有限公司", "乙方（盖章）：星海客服外包服务有限公司",
        "法定代表人或授权代表（签字）：", "日期：年月日");
    assertThat(text).doesNotContain("电子签名的签署人");
  }

  @Test
  void shouldGiveAnElectronicContractItsFormationRuleAndThePointerToTheSignaturePage() throws Exception {
    String text = pdfText(SigningMethod.ELECTRONIC, clauses());

    assertThat(text).contains("自最后一方完成电子签名之日起成立并生效", "《中华人民共和国电子签名法》第十四条",
        "乙方保存双方签署的合同文本及其SHA-256摘要", "双方电子签名的签署人、签署时间、签署版本及文件SHA-256摘要见本合同签署页");
    assertThat(text).doesNotContain("甲方（盖章）", "一式贰份");
  }

  @Test
  void shouldStateEveryAmountWithItsUnitAndLeaveOutPenaltiesOfZero() throws Exception {
    String withoutPenalties = pdfText(SigningMethod.PAPER, clauses("slaPenalty", "0", "earlyTerminationPenalty", "0.00",
        "slaFeeReductionPercent", "5", "slaFreeExtensionDays", 0));

    // TestContracts: 5 seats at 6,000.00 per seat and month
    assertThat(withoutPenalties).contains("单价人民币6,000.00元/座席/月，5个座席每月合计人民币30,000.00元");
    assertThat(withoutPenalties).contains("1.乙方某一结算周期的服务未达到第一条约定标准的，当期服务费减免5%。",
        "2.一方违反本合同其他约定的，应赔偿对方因此遭受的直接损失。");
    assertThat(withoutPenalties).doesNotContainPattern("违约金[^，。；]*?0(\\.00)?元")
        .doesNotContain("违约金人民币0", "免费延长服务0天", "无正当理由在合同期限届满前解除");

    String withPenalties = pdfText(SigningMethod.PAPER, clauses("slaPenalty", "2000", "earlyTerminationPenalty", "20000",
        "slaFreeExtensionDays", 7, "setupCostsRepaid", true));
    // which remedy for which shortfall: the rows of sla-compensation, worded with the contract's amounts
    assertThat(htmlText(contract(BillingModel.PER_SEAT, "6000.00", DepositHandling.SET_OFF), clauses("slaPenalty", "2000",
        "slaFreeExtensionDays", 7))).contains("乙方某一结算周期的服务未达到第一条约定标准的，按下列情形中最先符合的一项承担责任"
        + "（指标指第一条约定的首次响应、问题解决、客户满意度、差评率四项；差距指一项指标的实际值低于约定标准的百分点数，"
        + "差评率为高于约定上限的百分点数）："
        + "（一）三项及以上指标未达标的，当期服务费减免5%，乙方免费延长服务7天，乙方向甲方支付违约金人民币2,000.00元；"
        + "（二）任一指标的差距达到或超过10个百分点的，当期服务费减免5%，乙方向甲方支付违约金人民币2,000.00元；"
        + "（三）两项指标未达标的，当期服务费减免5%，乙方免费延长服务7天；"
        + "（四）一项指标未达标的，当期服务费减免5%。");
    assertThat(withPenalties).contains("（一）三项及以上指标未达标的，当期服务费减免5%，乙方免费延长服务7天，乙方向甲方支付违约金人民币2,000.00元；",
        "应向乙方支付违约金人民币20,000.00元，并偿还乙方为履行本合同已投入的培训及系统对接费用");
  }

  @Test
  void shouldStateTheContractsOnTimeShareInItsServiceStandard() {
    Contract contract = contract(BillingModel.PER_SEAT, "6000.00", DepositHandling.SET_OFF);
    assertThat(htmlText(contract, clauses("slaOnTimeTargetPercent", "92.50"))).contains("常规问题在30分钟内解决；"
        + "按时首次响应的咨询占全部咨询的比例、按时解决的问题占全部问题的比例，每个结算周期均不低于92.5%；客户满意度不低于90%");
    // a contract recorded before the field existed keeps the sentence it was published with
    Map<String, Object> legacy = clauses();
    legacy.remove("slaOnTimeTargetPercent");
    assertThat(htmlText(contract, legacy)).contains("常规问题在30分钟内解决；客户满意度不低于90%").doesNotContain("按时首次响应的咨询");
  }

  @Test
  void shouldStateTheMonthlyComplaintCeilingInTheBreachClauseOnlyWhenSet() {
    Contract contract = contract(BillingModel.PER_SEAT, "6000.00", DepositHandling.SET_OFF);
    assertThat(htmlText(contract, clauses("monthlyComplaintCeiling", 12))).contains("甲方店铺顾客的投诉数在一个自然月内超过12件的，"
        + "投诉数视为一项未达标的指标，与第一条约定的各项指标一并计入未达标指标数，按前款处理（差距不因此改变）；"
        + "结算周期跨越多个自然月的，上限按所跨月数累计计算。");
    assertThat(htmlText(contract, clauses())).doesNotContain("投诉数");
  }

  @Test
  void shouldNotRepeatWordsTheClausesAlreadySay() throws Exception {
    String extended = pdfText(SigningMethod.PAPER, clauses("negotiationChannel", "书面协商", "holidayCoverage", true));
    // TestContracts: service hours EXTENDED, "每日 8:00-24:00"; the holiday cover said once, from holidayCoverage
    assertThat(extended).contains("服务时间：每日8:00-24:00，法定节假日照常值守。", "协商方式为书面协商，")
        .doesNotContain("协商协商", "节假日值守），", "节假日值守，法定节假日", "含节假日");

    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses()));
    Contract daytime = new Contract(7L, "BPO-2026-000007", null, "IN_REVIEW", "杭州小象旗舰店", "ops@example.com", "王小明",
        null, "TMALL", 5, null, "售前咨询", "DAYTIME", "PER_SEAT", new BigDecimal("6000.00"), 12, 1, "ACCEPTED", null,
        "PAPER", BigDecimal.ZERO, "SET_OFF", 1, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now());
    String text = document.render(daytime).html().replaceAll("<[^>]+>", "");
    assertThat(text).contains("每日 9:00-18:00，法定节假日照常值守。");
    // no deposit: no deposit sentence
    assertThat(text).doesNotContain("定金");
  }

  @Test
  void shouldTakeTheHolidayCoverFromHolidayCoverageAloneSoThatTheHoursCannotContradictIt() throws Exception {
    for (ServiceHours hours : ServiceHours.values()) {
      assertThat(hours.label()).doesNotContain("节假日");
    }
    Contract roundTheClock = contract("ROUND_THE_CLOCK");
    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses("holidayCoverage", false)));
    assertThat(document.render(roundTheClock).html().replaceAll("<[^>]+>", ""))
        .contains("服务时间：7×24 小时，法定节假日不值守。").doesNotContain("含节假日", "照常值守");

    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses("holidayCoverage", true)));
    assertThat(document.render(roundTheClock).html().replaceAll("<[^>]+>", ""))
        .contains("服务时间：7×24 小时，法定节假日照常值守。").doesNotContain("含节假日", "不值守");
  }

  @Test
  void shouldStateTheProvidersOwnEarlyTerminationPenaltyAndLeaveItOutAtZero() throws Exception {
    String withPenalty = pdfText(SigningMethod.PAPER, clauses("providerEarlyTerminationPenalty", "15000"));
    assertThat(withPenalty).contains("乙方无正当理由在合同期限届满前解除本合同的，应向甲方支付违约金人民币15,000.00元。")
        // the trial exit of 第五条 still owes nothing to either party
        .contains("试用期内任何一方提前3日书面通知对方，即可解除本合同，双方互不承担违约责任。");

    String atZero = pdfText(SigningMethod.PAPER, clauses("providerEarlyTerminationPenalty", "0"));
    assertThat(atZero).doesNotContain("乙方无正当理由", "应向甲方支付违约金人民币0");
    // a contract recorded before the field existed has no such line either
    Map<String, Object> before = clauses();
    before.remove("providerEarlyTerminationPenalty");
    assertThat(pdfText(SigningMethod.PAPER, before)).doesNotContain("乙方无正当理由");
  }

  static Contract contract(String serviceHours) {
    return new Contract(7L, "BPO-2026-000007", null, "IN_REVIEW", "杭州小象旗舰店", "ops@example.com", "王小明",
        null, "TMALL", 5, null, "售前咨询", serviceHours, "PER_SEAT", new BigDecimal("6000.00"), 12, 1, "ACCEPTED", null,
        "PAPER", BigDecimal.ZERO, "SET_OFF", 1, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now());
  }

  // --- the deposit item of 第二条 by its kind (issue #11) --------------------------------------------------

  /**
   * The rendered contract's text without tags and white space, for whole items: the PDF's text may have a
   * page footer inside an item (the PDF is checked for the parts that matter).
   */
  String htmlText(Contract contract, Map<String, Object> clauses) {
    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses));
    return document.render(contract).html().replaceAll("<[^>]+>", "").replaceAll("[\\s\\u3000]+", "");
  }

  static Contract contract(BillingModel billing, String unitPrice, DepositHandling handling) {
    return TestContracts.contract(7L, "BPO-2026-000007", new BigDecimal("5000.00"), SigningMethod.PAPER, billing,
        new BigDecimal(unitPrice), handling);
  }

  @Test
  void shouldWordADingjinByArticles586To588WithTheValueItsCapIsTakenOn() throws Exception {
    // 5 seats × 6,000.00 × 12 months = 360,000.00; the 5,000.00 定金 is credited (SET_OFF)
    Contract contract = contract(BillingModel.PER_SEAT, "6000.00", DepositHandling.SET_OFF);
    String text = htmlText(contract, clauses("depositKind", "DINGJIN"));

    assertThat(text).contains("定金：甲方于本合同签署后向乙方支付定金人民币5,000.00元，不超过本合同标的额人民币360,000.00元的百分之二十。"
        + "定金合同自甲方实际交付定金时成立；实际交付的定金数额多于或者少于约定数额的，视为变更约定的定金数额（《民法典》第五百八十六条）。"
        + "本合同履行完毕或者依照第五条的约定解除的，定金抵作价款，在最终结算中抵扣甲方应付的款项，余额由乙方退还甲方（《民法典》第五百八十七条）。"
        + "甲方不履行债务或者履行债务不符合约定，致使不能实现合同目的的，无权请求返还定金；乙方不履行债务或者履行债务不符合约定，"
        + "致使不能实现合同目的的，应当双倍返还定金（《民法典》第五百八十七条）。"
        + "一方依照第五条的约定书面通知解除本合同的，不适用前述定金罚则。一方违约时，对同一违约行为本合同既约定违约金又约定定金的，"
        + "守约方可以选择适用违约金或者定金条款，但二者不得同时适用（《民法典》第五百八十八条）。逾期付款：");
    assertThat(text).doesNotContain("履约保证金", "抵扣尾款");
    // the PDF says it too, as the third item of 第二条
    assertThat(pdfText(contract, clauses("depositKind", "DINGJIN")))
        .contains("3.定金：甲方于本合同签署后向乙方支付定金人民币5,000.00元，不超过本合同标的额人民币360,000.00元的百分之二十。",
            "应当双倍返还定金（《民法典》第五百八十七条）", "（《民法典》第五百八十八条）。4.逾期付款：");
  }

  @Test
  void shouldStateTheVolumeEstimateOfAVolumeBilledDingjinAsAnEstimateOnly() throws Exception {
    // 2,000 inquiries × 1.50 × 12 months = 36,000.00; the 定金 is returned at the end (REFUND)
    String text = htmlText(contract(BillingModel.PER_INQUIRY, "1.50", DepositHandling.REFUND),
        clauses("depositKind", "DINGJIN", "estimatedMonthlyVolume", 2000));

    assertThat(text).contains("单价人民币1.50元/次咨询。", "支付定金人民币5,000.00元，不超过本合同标的额人民币36,000.00元"
            + "（按预计每月2000次咨询估算，仅用于计算定金上限，不构成甲方对业务量的承诺）的百分之二十。",
        "依照第五条的约定解除的，定金在最终结算时由乙方退还甲方（《民法典》第五百八十七条）。");
  }

  @Test
  void shouldWordAPerformanceBondAsSecurityWithoutTheDingjinRules() throws Exception {
    String setOff = htmlText(contract(BillingModel.PER_SEAT, "6000.00", DepositHandling.SET_OFF),
        clauses("depositKind", "PERFORMANCE_BOND"));
    assertThat(setOff).contains("履约保证金：甲方于本合同签署后向乙方支付履约保证金人民币5,000.00元，作为甲方履行本合同的担保。"
        + "本合同终止后，履约保证金在最终结算中抵扣甲方应付的款项，余额由乙方退还甲方。履约保证金不是定金，不适用定金罚则；"
        + "违约责任按第四条的约定承担。逾期付款：");
    assertThat(setOff).doesNotContain("定金：", "双倍返还", "第五百八十六条", "第五百八十八条", "合同标的额");

    String refund = pdfText(contract(BillingModel.FIXED_MONTHLY, "20000.00", DepositHandling.REFUND),
        clauses("depositKind", "PERFORMANCE_BOND"));
    assertThat(refund).contains("本合同终止后，乙方在最终结算时将履约保证金全额退还甲方，甲方应付的款项另行支付。");
  }

  @Test
  void shouldKeepTheSentenceOfAContractRecordedBeforeTheKindExisted() throws Exception {
    Map<String, Object> legacy = clauses();
    legacy.remove("depositKind");
    assertThat(pdfText(SigningMethod.PAPER, legacy)).contains("3.定金：人民币5,000.00元，于本合同签署后支付，抵扣尾款。4.逾期付款：")
        .doesNotContain("履约保证金", "第五百八十六条");
  }

  @Test
  void shouldLeaveTheDepositOutWhenNoneIsDueWhateverItsKind() throws Exception {
    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses("depositKind", "DINGJIN")));
    String text = document.render(TestContracts.contract(7L, "BPO-2026-000007", BigDecimal.ZERO, SigningMethod.PAPER))
        .html().replaceAll("<[^>]+>", "");
    assertThat(text).doesNotContain("定金", "履约保证金");
  }
}
