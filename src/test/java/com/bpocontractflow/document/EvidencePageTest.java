package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import com.bpocontractflow.mail.ProviderProperties;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The e-signature evidence page (签署页): what each signature record shows, and its closing statement. */
class EvidencePageTest {

  static final String SIGNED_PDF = "3f".repeat(32);
  static final String SIGNED_HTML = "a1".repeat(32);

  static final EvidencePage PAGE = new EvidencePage(ContractDocumentTest.templates(), ContractDocumentTest.PROVIDER,
      new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"));

  /** The merchant signed through its link at 10:05:09 China time, we countersigned at 16:30:00. */
  static List<ContractSignatures.Signature> electronicSignatures() {
    return List.of(
        new ContractSignatures.Signature(Party.MERCHANT, SigningMethod.ELECTRONIC, "王堃",
            LocalDate.of(2026, 11, 30), OffsetDateTime.parse("2026-11-30T02:05:09Z"), "203.0.113.7", "Mozilla/5.0 test",
            2, SIGNED_PDF, SIGNED_HTML, null, null, null, "商家 王堃，通过邮件链接",
            "电子邮件一次性验证码 至 l***@xiaoxiang.example.com", OffsetDateTime.parse("2026-11-30T02:04:30Z"),
            com.bpocontractflow.contract.SignerAuthority.LEGAL_REPRESENTATIVE, null),
        new ContractSignatures.Signature(Party.PROVIDER, SigningMethod.ELECTRONIC, "张经理",
            LocalDate.of(2026, 11, 30), OffsetDateTime.parse("2026-11-30T08:30:00Z"), null, null,
            2, SIGNED_PDF, SIGNED_HTML, null, null, null, "manager", null, null, null, null));
  }

  static String page() {
    return PAGE.render(TestContracts.contract(7L, "BPO-2026-000007", new BigDecimal("5000.00"), SigningMethod.ELECTRONIC),
        2, SIGNED_PDF, "杭州小象电子商务有限公司", electronicSignatures());
  }

  @Test
  void shouldShowOrDeliberatelyLeaveOutEveryFieldOfTheSignatureRecord() {
    // a field added to the signature record (e.g. how the signer was identified) needs a label to be shown
    List<String> components = Arrays.stream(ContractSignatures.Signature.class.getRecordComponents())
        .map(RecordComponent::getName).toList();
    List<String> shown = EvidencePage.SHOWN.stream().map(EvidencePage.Field::component).toList();

    assertThat(components).allSatisfy(component -> assertThat(shown.contains(component)
        ^ EvidencePage.LEFT_OUT.contains(component)).as("%s is either shown or left out", component).isTrue());
    assertThat(components).containsAll(shown).containsAll(EvidencePage.LEFT_OUT);
  }

  @Test
  void shouldShowWhatEachSignatureRecordsInChinaTimeAndLeaveOutWhatIsNotRecorded() {
    List<EvidencePage.Row> merchant = EvidencePage.rows(electronicSignatures().get(0));

    assertThat(merchant).containsExactly(
        new EvidencePage.Row("签署人", "王堃"),
        new EvidencePage.Row("签署人身份", "法定代表人"),
        new EvidencePage.Row("身份核验方式", "电子邮件一次性验证码 至 l***@xiaoxiang.example.com"),
        new EvidencePage.Row("核验时间", "2026年11月30日 10:04:30（北京时间）"),
        new EvidencePage.Row("签署时间", "2026年11月30日 10:05:09（北京时间）"),
        new EvidencePage.Row("签署的合同版本", "第 2 版"),
        new EvidencePage.Row("所签 PDF 的 SHA-256", SIGNED_PDF),
        new EvidencePage.Row("所签 HTML 文本的 SHA-256", SIGNED_HTML));
    // paper: the day sealed, the courier and the day the copy arrived, when recorded
    ContractSignatures.Signature sealed = new ContractSignatures.Signature(Party.MERCHANT, SigningMethod.PAPER,
        "杭州小象旗舰店", LocalDate.of(2026, 11, 28), null, null, null, 1, SIGNED_PDF, SIGNED_HTML, "京东物流",
        "JD0012345678", LocalDate.of(2026, 11, 30), "legal", null, null, null, null);
    assertThat(EvidencePage.rows(sealed)).extracting(EvidencePage.Row::label, EvidencePage.Row::value)
        .contains(org.assertj.core.groups.Tuple.tuple("签署日期", "2026年11月28日"),
            org.assertj.core.groups.Tuple.tuple("快递公司", "京东物流"),
            org.assertj.core.groups.Tuple.tuple("收到日期", "2026年11月30日"))
        .extracting(t -> (String) t.toArray()[0]).doesNotContain("签署时间");
  }

  @Test
  void shouldNameBothPartiesAndSayOnlyWhatTheProviderKeeps() {
    String text = page().replaceAll("<[^>]+>", "").replaceAll("\\s+", "");

    assertThat(text).contains("签署页", "合同编号BPO-2026-000007·附于第2版合同文本之后", SIGNED_PDF,
        "甲方（委托方）：杭州小象电子商务有限公司", "乙方（受托方）：星海客服外包服务有限公司", "签署人王堃", "签署人张经理",
        "2026年11月30日10:05:09（北京时间）", "2026年11月30日16:30:00（北京时间）",
        "乙方保存双方签署的第2版合同文本（HTML与PDF）及其SHA-256摘要",
        "未使用依法设立的第三方电子认证服务机构颁发的数字证书，乙方也不是电子认证服务机构",
        "《中华人民共和国电子签名法》第十三条第二款、第十四条");
    // personal data the retention job removes later is not printed on a copy kept for good
    assertThat(text).doesNotContain("203.0.113.7", "Mozilla", "通过邮件链接", "manager");
  }
}
