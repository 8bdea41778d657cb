package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

class MailRendererTest {

  final MailOutbox outbox = Mockito.mock(MailOutbox.class);
  /** The contract's latest clauses: none unless a test records some (a contract still at its proposal). */
  final ClauseSets clauseSets = Mockito.mock(ClauseSets.class);
  static final PayeeAccount PAYEE = new PayeeAccount("星海客服外包服务有限公司", "招商银行杭州分行营业部",
      "5719 0123 4567 890");
  final MerchantMailer mailer = mailer(PAYEE);

  MerchantMailer mailer(PayeeAccount payee) {
    return new MerchantMailer(new MailRenderer(), outbox,
        new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"), new ServicePromises(1), payee, clauseSets);
  }

  /** Records that the contract's latest clauses chose this kind of deposit (DINGJIN or PERFORMANCE_BOND). */
  void clausesChose(String depositKind) {
    Mockito.when(clauseSets.latest(Mockito.anyLong())).thenReturn(Optional.of(Map.of("depositKind", depositKind)));
  }

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
        base.depositHandling(), 1, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
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
        new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"), new ServicePromises(2), PAYEE, clauseSets);
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
  void shouldReadTheClausesForTheDepositsNameOnlyWhenTheEmailShowsIt() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);
    clausesChose("DINGJIN");

    // a reminder of the proposal's answer names no deposit: the clause set is not read (a timer storm sends
    // thousands of these)
    RenderedMail reminder = send(MerchantMail.REMINDER, contract, Map.of("waitingFor", "PROPOSAL_ANSWER",
        "waitingForLabel", "方案答复", "reminderNumber", 1, "reminderMax", 3, "deadline", "2026年12月3日"), 1, "方案答复");
    assertThat(reminder.text()).contains("方案答复").doesNotContain("定金");
    Mockito.verify(clauseSets, Mockito.never()).latest(Mockito.anyLong());

    // the deposit request names it, in both parts, from one read
    Mockito.reset(outbox);
    RenderedMail request = send(MerchantMail.DEPOSIT_REQUEST, contract, Map.of("depositDueDate", "2026年12月8日"), "定金");
    assertThat(request.text()).contains("请支付定金 5,000.00 元");
    assertThat(request.html()).contains("应付定金");
    Mockito.verify(clauseSets, Mockito.times(1)).latest(1L);
  }

  static final String PAYMENT_DETAILS = """
      应付定金：5,000.00 元
      付款截止日期：2026年12月8日（含当日）
      收款户名：星海客服外包服务有限公司
      开户银行：招商银行杭州分行营业部
      收款账号：5719 0123 4567 890
      付款备注：合同编号 BPO-2026-000007（请务必填写，以便我方核对到账）
      """;

  @Test
  void shouldStateThePayeeTheAmountTheReferenceAndTheDueDateInTheDepositRequest() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);

    clausesChose("DINGJIN");

    RenderedMail mail = send(MerchantMail.DEPOSIT_REQUEST, contract, Map.of("depositDueDate", "2026年12月8日"),
        mailer.depositLabel(contract));

    assertThat(mail.subject()).isEqualTo("【合同编号 BPO-2026-000007】定金付款通知");
    assertThat(mail.text()).contains("\n根据合同约定，请支付定金 5,000.00 元。该定金抵扣尾款。付款信息如下：\n\n"
        + PAYMENT_DETAILS + "\n定金到账后，我们将开始客服培训与系统对接");
    assertThat(mail.html()).contains(
        "<td style=\"padding:4px 0;color:#6b7280;width:7em;\">应付定金</td>\n    <td><strong>5,000.00 元</strong></td>",
        "<td style=\"padding:4px 0;color:#6b7280;\">付款截止日期</td>\n    <td><strong>2026年12月8日</strong>（含当日）</td>",
        "<td style=\"padding:4px 0;color:#6b7280;\">收款户名</td>\n    <td>星海客服外包服务有限公司</td>",
        "<td style=\"padding:4px 0;color:#6b7280;\">开户银行</td>\n    <td>招商银行杭州分行营业部</td>",
        "<td style=\"padding:4px 0;color:#6b7280;\">收款账号</td>\n    <td>5719 0123 4567 890</td>",
        "<td>合同编号 <strong>BPO-2026-000007</strong>（请务必填写，以便我方核对到账）</td>")
        .doesNotContain("收款账户请以我方财务书面通知为准");
  }

  @Test
  void shouldNameNoAccountThatIsNotConfiguredInFull() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);
    PayeeAccount withoutNumber = new PayeeAccount("星海客服外包服务有限公司", "招商银行杭州分行营业部", " ");
    assertThat(withoutNumber.known()).isFalse();
    assertThat(new PayeeAccount(null, null, null).known()).isFalse();

    clausesChose("DINGJIN");
    mailer(withoutNumber).send(MerchantMail.DEPOSIT_REQUEST, contract, Map.of("depositDueDate", "2026年12月8日"), "定金");
    ArgumentCaptor<RenderedMail> rendered = ArgumentCaptor.forClass(RenderedMail.class);
    Mockito.verify(outbox).enqueue(Mockito.any(), Mockito.any(), Mockito.any(), rendered.capture());

    assertThat(rendered.getValue().text()).contains("""
        应付定金：5,000.00 元
        付款截止日期：2026年12月8日（含当日）
        收款账户请以我方财务书面通知为准。
        付款备注：合同编号 BPO-2026-000007（请务必填写，以便我方核对到账）
        """).doesNotContain("收款户名", "开户银行", "收款账号", "招商银行");
    assertThat(rendered.getValue().html())
        .contains("<td colspan=\"2\" style=\"padding:4px 0;\">收款账户请以我方财务书面通知为准。</td>")
        .doesNotContain("收款户名", "开户银行", "收款账号", "招商银行");
  }

  @Test
  void shouldRefuseToStartWithAnAccountNumberThatIsNotOne() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PayeeAccount("星海", "招商银行", "请联系财务"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bpo.provider.bank.account-number must be 6 to 40 digits, optionally grouped by spaces or dashes");
    assertThat(new PayeeAccount(" 星海 ", "招商银行", " 6200-0000-0001 ").accountNumber()).isEqualTo("6200-0000-0001");
  }

  @Test
  void shouldRepeatThePaymentDetailsInTheDepositRemindersAndTheShortPaymentNotice() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);
    clausesChose("DINGJIN");

    RenderedMail reminder = send(MerchantMail.REMINDER, contract, Map.of("waitingFor", "DEPOSIT",
        "waitingForLabel", "定金付款", "reminderNumber", 1, "reminderMax", 3, "deadline", "2026年12月8日",
        "depositDueDate", "2026年12月8日"), 1, "定金付款");
    assertThat(reminder.text()).contains("""
        这是关于定金付款的第 1 次提醒（最多 3 次）。

        我们尚未收到贵司的定金，请在付款截止日期 2026年12月8日（含当日）前按以下信息付款，逾期未付的将转交我方经理跟进。

        """ + PAYMENT_DETAILS + "\n如有疑问").doesNotContain("前处理");
    assertThat(reminder.html()).contains("<td>5719 0123 4567 890</td>", "<strong>2026年12月8日</strong>（含当日）");

    Mockito.reset(outbox);
    RenderedMail shortPayment = send(MerchantMail.DEPOSIT_SHORT, contract, Map.of("depositPaidTotal", "2,000.00",
        "depositOutstanding", "3,000.00", "depositDueDate", "2026年12月8日"), "定金", "3,000.00");
    assertThat(shortPayment.text()).contains("请补足余款，付款信息如下：\n\n"
        + PAYMENT_DETAILS.replace("应付定金：5,000.00 元", "尚需支付：3,000.00 元") + "\n定金付清后");
    assertThat(shortPayment.html()).contains("<td style=\"padding:4px 0;color:#6b7280;width:7em;\">尚需支付</td>\n"
        + "    <td><strong>3,000.00 元</strong></td>", "<td>5719 0123 4567 890</td>");
  }

  @Test
  void shouldCallThePaymentAfterSigningByTheKindTheContractChoseInEveryEmail() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);
    clausesChose("PERFORMANCE_BOND");
    String label = mailer.depositLabel(contract);
    assertThat(label).isEqualTo("履约保证金");

    Map<MerchantMail, RenderedMail> mails = new java.util.LinkedHashMap<>();
    mails.put(MerchantMail.CONTRACT_FOR_REVIEW, send(MerchantMail.CONTRACT_FOR_REVIEW, contract, Map.of(), 1));
    Mockito.reset(outbox);
    mails.put(MerchantMail.SIGNING_INSTRUCTIONS, send(MerchantMail.SIGNING_INSTRUCTIONS, contract, Map.of(), "纸质合同"));
    Mockito.reset(outbox);
    mails.put(MerchantMail.DEPOSIT_REQUEST, send(MerchantMail.DEPOSIT_REQUEST, contract,
        Map.of("depositDueDate", "2026年12月8日"), label));
    Mockito.reset(outbox);
    mails.put(MerchantMail.REMINDER, send(MerchantMail.REMINDER, contract, Map.of("waitingFor", "DEPOSIT",
        "waitingForLabel", label + "付款", "reminderNumber", 1, "reminderMax", 3, "deadline", "2026年12月8日",
        "depositDueDate", "2026年12月8日"), 1, label + "付款"));
    Mockito.reset(outbox);
    mails.put(MerchantMail.DEPOSIT_SHORT, send(MerchantMail.DEPOSIT_SHORT, contract, Map.of("depositPaidTotal",
        "2,000.00", "depositOutstanding", "3,000.00", "depositDueDate", "2026年12月8日"), label, "3,000.00"));

    mails.forEach((mail, rendered) -> {
      for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
        assertThat(part).as(mail.name()).doesNotContain("定金");
      }
    });
    assertThat(mails.get(MerchantMail.DEPOSIT_REQUEST).subject()).isEqualTo("【合同编号 BPO-2026-000007】履约保证金付款通知");
    assertThat(mails.get(MerchantMail.DEPOSIT_REQUEST).text())
        .contains("请支付履约保证金 5,000.00 元。该履约保证金抵扣尾款。", "应付履约保证金：5,000.00 元", "\n履约保证金到账后，");
    assertThat(mails.get(MerchantMail.CONTRACT_FOR_REVIEW).text()).contains("；履约保证金 5,000.00 元（抵扣尾款）。");
    assertThat(mails.get(MerchantMail.SIGNING_INSTRUCTIONS).text()).contains("签署完成后，我们将发送履约保证金付款通知。");
    assertThat(mails.get(MerchantMail.REMINDER).subject()).isEqualTo("【合同编号 BPO-2026-000007】第 1 次提醒：履约保证金付款");
    assertThat(mails.get(MerchantMail.REMINDER).text()).contains("我们尚未收到贵司的履约保证金，");
    assertThat(mails.get(MerchantMail.DEPOSIT_SHORT).subject()).isEqualTo("【合同编号 BPO-2026-000007】已收到部分履约保证金，尚欠 3,000.00 元");
    assertThat(mails.get(MerchantMail.DEPOSIT_SHORT).text())
        .contains("我们已收到贵司支付的履约保证金，累计 2,000.00 元，合同约定的履约保证金为 5,000.00 元", "\n履约保证金付清后");
  }

  @Test
  void shouldLeaveTheKindOfTheDepositToTheContractInTheProposal() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", new BigDecimal("5000"), SigningMethod.PAPER);

    RenderedMail proposal = send(MerchantMail.PROPOSAL, contract, Map.of("firstResponseMinutes", 5,
        "satisfactionTarget", 90), 1);

    assertThat(proposal.text()).contains("定金或履约保证金：5,000.00 元（性质以合同条款为准）");
    assertThat(proposal.html()).contains(">定金或履约保证金</td>", ">5,000.00 元（性质以合同条款为准）</td>");
  }

  @Test
  void shouldSayNoDepositIsDueInsteadOfAZeroAmount() {
    Contract contract = TestContracts.contract(1L, "BPO-2026-000007", BigDecimal.ZERO, SigningMethod.PAPER);
    clausesChose("DINGJIN");

    RenderedMail review = send(MerchantMail.CONTRACT_FOR_REVIEW, contract, Map.of(), 1);
    Mockito.reset(outbox);
    RenderedMail instructions = send(MerchantMail.SIGNING_INSTRUCTIONS, contract, Map.of(), "纸质合同");

    assertThat(review.text()).contains("；无需支付定金或履约保证金。").doesNotContain("0.00 元");
    assertThat(review.html()).contains("无需支付定金或履约保证金").doesNotContain("0.00 元");
    assertThat(instructions.text() + instructions.html()).doesNotContain("付款通知");
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
