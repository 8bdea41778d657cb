package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

class MailRendererTest {

  final MailOutbox outbox = Mockito.mock(MailOutbox.class);
  final MerchantMailer mailer = new MerchantMailer(new MailRenderer(), outbox,
      new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"),
      new ServicePromises(1));

  RenderedMail send(MerchantMail mail, Contract contract, Map<String, Object> extra, Object... subjectArguments) {
    mailer.send(mail, contract, extra, subjectArguments);
    ArgumentCaptor<RenderedMail> rendered = ArgumentCaptor.forClass(RenderedMail.class);
    Mockito.verify(outbox).enqueue(Mockito.eq(contract.contractNumber()), Mockito.eq(mail.name()),
        Mockito.eq(contract.merchantEmail()), rendered.capture());
    return rendered.getValue();
  }

  @Test
  void shouldShowMerchantEnteredHtmlAsText() {
    Contract base = TestContracts.contract(1L, "BPO-2026-000001", new BigDecimal("5000"), SigningMethod.PAPER);
    Contract hostile = new Contract(base.id(), base.contractNumber(), null, base.status(),
        "<script>alert('x')</script>小店", base.merchantEmail(), "<b>王</b>", null, base.shopPlatform(),
        base.seats(), "<img src=x onerror=alert(1)>", base.serviceScope(), base.serviceHours(), base.billingModel(),
        base.unitPrice(), base.termMonths(), 1, null, null, base.signingMethod(), base.depositAmount(),
        base.depositHandling(), 1, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, base.createdAt(),
        base.updatedAt());

    RenderedMail mail = send(MerchantMail.REQUEST_RECEIVED, hostile, Map.of());

    assertThat(mail.html()).doesNotContain("<script>", "<b>王</b>", "<img")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;小店", "&lt;b&gt;王&lt;/b&gt;",
            "&lt;img src=x onerror=alert(1)&gt;");
    assertThat(mail.text()).contains("<script>alert('x')</script>小店");
  }

  @Test
  void shouldPromiseAReplyWithinTheConfiguredWorkingDays() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000001", new BigDecimal("5000"), SigningMethod.PAPER);

    RenderedMail mail = send(MerchantMail.REQUEST_RECEIVED, contract, Map.of());

    assertThat(mail.text()).contains("\n我们的销售顾问会在 1 个工作日内回复您，并根据贵司的服务范围、服务时间和座席需求编制服务方案与报价。\n")
        .doesNotContain("尽快");
    assertThat(mail.html()).contains("<p>我们的销售顾问会在 <strong>1</strong> 个工作日内回复您，并根据贵司的服务范围、服务时间和座席需求编制服务方案与报价。</p>")
        .doesNotContain("尽快");

    MerchantMailer slower = new MerchantMailer(new MailRenderer(), outbox,
        new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"), new ServicePromises(2));
    Mockito.reset(outbox);
    slower.send(MerchantMail.REQUEST_RECEIVED, contract, Map.of());
    ArgumentCaptor<RenderedMail> rendered = ArgumentCaptor.forClass(RenderedMail.class);
    Mockito.verify(outbox).enqueue(Mockito.any(), Mockito.any(), Mockito.any(), rendered.capture());
    assertThat(rendered.getValue().text()).contains("我们的销售顾问会在 2 个工作日内回复您，");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ServicePromises(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bpo.service.reply-working-days must be 1 to 30 working days");
  }

  @Test
  void shouldSayWhichReminderItIsAndTheDeadlineInBothParts() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);

    RenderedMail mail = send(MerchantMail.REMINDER, contract, Map.of("waitingFor", "DEPOSIT",
        "waitingForLabel", "定金付款", "reminderNumber", 2, "reminderMax", 3, "deadline", "2026年12月3日"), 2, "定金付款");

    assertThat(mail.subject()).isEqualTo("【合同编号 BPO-2026-000007】第 2 次提醒：定金付款");
    for (String body : new String[] {mail.html(), mail.text()}) {
      assertThat(body).contains("BPO-2026-000007", "定金付款", "2026年12月3日", "5,000.00 元");
    }
    assertThat(mail.text()).contains("第 2 次提醒（最多 3 次）");
  }

  @Test
  void shouldWriteSigningInstructionsForTheChosenMethod() {
    Contract paper = TestContracts.contract(1L, "BPO-2026-000008", BigDecimal.ZERO, SigningMethod.PAPER);
    Contract electronic = TestContracts.contract(2L, "BPO-2026-000009", BigDecimal.ZERO, SigningMethod.ELECTRONIC);

    assertThat(send(MerchantMail.SIGNING_INSTRUCTIONS, paper, Map.of(), "纸质合同").text())
        .contains("加盖合同专用章", "快递").doesNotContain("电子签名");
    Mockito.reset(outbox);
    assertThat(send(MerchantMail.SIGNING_INSTRUCTIONS, electronic, Map.of(), "电子合同").text())
        .contains("电子签名", "哈希值").doesNotContain("快递");
  }

  @Test
  void shouldFormatAmountsInYuanWithTwoDecimals() {
    assertThat(MerchantMailer.yuan(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
    assertThat(MerchantMailer.yuan(new BigDecimal("0.005"))).isEqualTo("0.01");
    assertThat(MerchantMailer.yuan(null)).isNull();
  }
}
