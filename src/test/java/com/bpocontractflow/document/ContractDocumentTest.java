package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
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
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

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
      new ServicePromises(1), new PayeeAccount(null, null, null)), clauseSets, PROVIDER);

  static SpringTemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
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
    Contract contract = TestContracts.contract(7L, "BPO-2026-000007", new BigDecimal("5000.00"), method);
    when(clauseSets.latest(anyLong())).thenReturn(Optional.of(clauses));
    ContractDocument.Rendered html = document.render(contract);
    byte[] pdf = new PdfRenderer().render(html.html(), "客服外包服务合同", Instant.parse("2026-11-30T02:00:00Z"), 7L);
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
    assertThat(withPenalties).contains("当期服务费减免5%，乙方免费延长服务7天，乙方向甲方支付违约金人民币2,000.00元。",
        "应向乙方支付违约金人民币20,000.00元，并偿还乙方为履行本合同已投入的培训及系统对接费用");
  }

  @Test
  void shouldNotRepeatWordsTheClausesAlreadySay() throws Exception {
    String extended = pdfText(SigningMethod.PAPER, clauses("negotiationChannel", "书面协商", "holidayCoverage", true));
    // TestContracts: service hours EXTENDED, "每日 8:00-24:00（含节假日值守）"
    assertThat(extended).contains("服务时间：每日8:00-24:00（含节假日值守）。", "协商方式为书面协商，")
        .doesNotContain("协商协商", "节假日值守），", "节假日值守，法定节假日");

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
}
