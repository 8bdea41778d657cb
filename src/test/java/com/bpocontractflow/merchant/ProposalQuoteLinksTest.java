package com.bpocontractflow.merchant;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.CONFIRM_PROPOSAL;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static com.bpocontractflow.signing.SigningTestData.proposal;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.SigningRest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #17: the itemised quote in the proposal e-mail and on the merchant's page (the same stored figures,
 * the service levels, the validity date), the answer link valid exactly as long as the quote, and the page
 * the merchant gets after it: the quote has expired, nothing changes. Same context as MerchantLinksTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:merchant-links-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class ProposalQuoteLinksTest {

  static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+/m/([A-Za-z0-9_-]{43})");
  static final String EXTRA_FEES = "加班费每小时 50 元；节假日补贴为当日服务费的 100%";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;
  @Autowired
  JdbcClient jdbc;

  final MerchantBrowser browser = new MerchantBrowser(HttpClient.newHttpClient());
  SigningRest rest;

  @BeforeEach
  void authenticate() {
    rest = new SigningRest(anonymous);
  }

  @Test
  void shouldShowTheSameItemisedQuoteWithServiceLevelsAndValidityInTheEmailAndOnThePage() throws Exception {
    SigningRest.Started contract = rest.start(request());
    Map<String, Object> proposal = proposal("3000.00");
    proposal.put(Vars.EXTRA_FEES, EXTRA_FEES);
    rest.complete(contract, DRAFT_PROPOSAL, proposal);

    LocalDate validUntil = LocalDate.parse((String) rest.variable(contract, Vars.QUOTE_VALID_UNTIL));
    assertThat(validUntil).isIn(Clocks.today().plusDays(14), Clocks.today().plusDays(15)); // a run over midnight
    String day = DateTimeFormatter.ofPattern("yyyy年M月d日").format(validUntil);
    OutboxMail mail = mail(contract);
    // 2,000 inquiries a day × 30 days × 6,000.00 + holiday cover 1,000.00; peaks (3 + 2) × 3,000.00
    assertThat(mail.bodyText()).contains(
        "- 咨询服务费（预估）：预计每日 2000 次咨询 × 30 天 × 6,000.00 元/次，按实际量结算，360,000,000.00 元/月",
        "- 法定节假日值守：每月 1,000.00 元，1,000.00 元/月",
        "- 双十一临时加座：3 个座席 × 3,000.00 元/座席（每次活动期），9,000.00 元/次",
        "- 618临时加座：2 个座席 × 3,000.00 元/座席（每次活动期），6,000.00 元/次",
        "- 加班费每小时 50 元：按实际发生计收，以合同费用条款为准，另计",
        "- 节假日补贴为当日服务费的 100%：按实际发生计收，以合同费用条款为准，另计",
        "每月服务费合计：360,001,000.00 元",
        "大促临时加座合计：15,000.00 元",
        "：3,000.00 元\n",
        "报价有效期至：" + day + "（含当日，北京时间）",
        "服务标准：首次响应不超过 5 分钟，客户满意度不低于 90%")
        .doesNotContain("年货节临时加座");
    assertThat(mail.bodyHtml()).contains("360,001,000.00 元", "15,000.00 元", "9,000.00 元/次", "加班费每小时 50 元",
        "报价有效期至 <strong>" + day + "</strong>", "首次响应不超过 5 分钟，客户满意度不低于 90%");

    HttpResponse<String> page = browser.get(link(mail));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("报价明细", "咨询服务费（预估）", "360,000,000.00 元/月", "1,000.00 元/月",
        "双十一临时加座", "9,000.00 元/次", "6,000.00 元/次", "节假日补贴为当日服务费的 100%",
        "360,001,000.00 元", "15,000.00 元", "3,000.00 元", "报价有效期至 <strong>" + day + "</strong>",
        "首次响应不超过 5 分钟，客户满意度不低于 90%");
  }

  @Test
  void shouldSayTheQuoteHasExpiredAfterItsLastDayAndChangeNothing() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    String link = link(mail(contract));
    String hash = MerchantLinks.hash(link.substring(link.lastIndexOf('/') + 1));

    // the link is valid exactly as long as the quote: to the end of its last day, Beijing time
    LocalDate validUntil = LocalDate.parse((String) rest.variable(contract, Vars.QUOTE_VALID_UNTIL));
    OffsetDateTime expires = jdbc.sql("SELECT expires_at FROM merchant_link WHERE token_hash = :hash")
        .param("hash", hash).query(OffsetDateTime.class).single();
    assertThat(expires.toInstant()).isEqualTo(validUntil.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant());

    // the quote's last day has passed (the timer that sends it back to sales is the engine test's)
    jdbc.sql("UPDATE merchant_link SET expires_at = created_at WHERE token_hash = :hash").param("hash", hash).update();
    for (HttpResponse<String> refused : List.of(browser.get(link), browser.post(link, Map.of("decision", "ACCEPTED")))) {
      assertThat(refused.statusCode()).isEqualTo(410);
      assertThat(refused.body()).contains("<h1>报价已过期</h1>", "我们的销售人员会为您重新报价").doesNotContain("报价明细");
    }
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);
    assertThat(rest.getList("/history/variable-instance?processInstanceId=" + contract.processInstanceId()
        + "&variableName=" + Vars.PROPOSAL_DECISION)).isEmpty();
  }

  OutboxMail mail(SigningRest.Started contract) {
    List<OutboxMail> mails = outbox.findByContract(contract.number()).stream()
        .filter(m -> m.template().equals("PROPOSAL")).toList();
    assertThat(mails).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  String link(OutboxMail mail) {
    Matcher html = LINK.matcher(mail.bodyHtml());
    assertThat(html.find()).isTrue();
    return "http://localhost:" + port + "/m/" + html.group(1);
  }
}
