package com.bpocontractflow.merchant;

import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.document.ContractSignatures;
import com.bpocontractflow.document.ReviewRounds;
import java.net.URI;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.SigningRest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merchants answering through the links in their e-mails: every step of a contract, and every way a
 * link can be wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:merchant-links-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class MerchantLinksTest {

  static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+/m/([A-Za-z0-9_-]{43})");
  static final Pattern DOCUMENT_HASH = Pattern.compile("name=\"documentSha256\" value=\"([0-9a-f]{64})\"");

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;
  @Autowired
  ContractRepository contracts;
  @Autowired
  ContractDocuments documents;
  @Autowired
  ContractSignatures signatures;
  @Autowired
  ReviewRounds reviewRounds;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  com.bpocontractflow.contract.ClauseSets clauseSets;

  final HttpClient http = HttpClient.newHttpClient();
  final MerchantBrowser browser = new MerchantBrowser(http);
  SigningRest rest;

  @BeforeEach
  void authenticate() {
    rest = new SigningRest(anonymous);
  }

  @Test
  void shouldSignAWholeContractWithTheMerchantAnsweringThroughLinksOnly() throws Exception {
    Map<String, Object> request = request();
    request.put(Vars.MERCHANT_NAME, "<script>alert('x')</script>小象");
    SigningRest.Started contract = rest.start(request);

    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    String proposalLink = linkIn(contract, "PROPOSAL");
    HttpResponse<String> proposalPage = browser.get(proposalLink);
    assertThat(proposalPage.statusCode()).isEqualTo(200);
    assertThat(proposalPage.body()).contains(contract.number(), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;小象")
        .doesNotContain("<script>");
    // the deposit's name, read from the clauses only when a page or an e-mail shows it (MerchantMailer.model)
    assertThat(proposalPage.body()).contains("<dt>定金或履约保证金</dt>").doesNotContain("MerchantMailer$");
    assertThat(proposalPage.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
    assertThat(proposalPage.headers().firstValue("Referrer-Policy")).contains("no-referrer");

    // a revision without comment is refused with the same rule as in Tasklist, and the link stays usable
    HttpResponse<String> refused = browser.post(proposalLink, Map.of("decision", "REVISION_REQUESTED"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("请填写「修改意见」");
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);

    assertThat(browser.post(proposalLink, Map.of("decision", "REVISION_REQUESTED", "comment", "单价请下调 5%")).statusCode())
        .isEqualTo(200);
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    assertThat(browser.post(latestLinkIn(contract, "PROPOSAL"), Map.of("decision", "ACCEPTED")).body()).contains("已收到您的答复",
        "已提交。我们会在 <strong>1</strong> 个工作日内回复，并通过邮件告知后续安排。").doesNotContain("尽快");

    rest.complete(contract, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "3000.00"));
    Map<String, String> feedback = new LinkedHashMap<>();
    feedback.put("agreed", "false");
    feedback.put("clause5", "请写明仲裁委员会的名称");
    assertThat(browser.post(linkIn(contract, "CONTRACT_FOR_REVIEW"), feedback).statusCode()).isEqualTo(200);
    assertThat(rest.variable(contract, Vars.CLAUSE_FEEDBACK)).isEqualTo("【纠纷解决方式】请写明仲裁委员会的名称");
    Map<String, Object> revision = revision();
    revision.put(Vars.FORUM_VENUE, "上海仲裁委员会");
    revision.put(Vars.UNIT_PRICE, "2800.00");
    rest.complete(contract, REVISE_CLAUSES, revision);
    // the review form of round 2 shows what changed since round 1, clause, field, old -> new
    assertThat((String) rest.variable(contract, Vars.ROUND_CHANGES)).startsWith("第 2 轮审阅，与第 1 轮相比：")
        .contains("【纠纷解决方式】仲裁委员会或人民法院名称：杭州仲裁委员会 → 上海仲裁委员会")
        .contains("【费用与支付方式】单价（元）：").contains(" → 2800.00")
        .doesNotContain("服务范围与标准");
    String secondReview = latestLinkIn(contract, "CONTRACT_FOR_REVIEW");
    HttpResponse<byte[]> reviewedPdf = http.send(HttpRequest.newBuilder(URI.create(secondReview + "/contract.pdf")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(reviewedPdf.statusCode()).isEqualTo(200);
    assertThat(reviewedPdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(browser.post(secondReview, Map.of("agreed", "true")).statusCode()).isEqualTo(200);

    String signLink = linkIn(contract, "SIGNING_INSTRUCTIONS");
    String signPage = browser.get(signLink).body();
    Matcher hash = DOCUMENT_HASH.matcher(signPage);
    assertThat(hash.find()).isTrue();
    // the signer first asks for the one-time code, e-mailed to the contract's notice e-mail
    assertThat(browser.post(signLink + "/code", Map.of()).body()).contains("验证码已发送至 <strong>l***@xiaoxiang.example.com</strong>");
    String code = SigningCodeMails.code(outbox, contract.number());
    assertThat(browser.post(signLink, Map.of("signerName", "王小明", "code", code, "authority", "LEGAL_REPRESENTATIVE",
        "documentSha256", hash.group(1))).body()).as("consent is required").contains("请勾选");
    assertThat(browser.post(signLink, Map.of("signerName", "王小明", "code", code, "authority", "LEGAL_REPRESENTATIVE",
        "consent", "on", "documentSha256", "0".repeat(64))).body())
        .as("the signed version must be the one shown").contains("合同内容已更新");
    HttpResponse<String> signed = browser.post(signLink, Map.of("signerName", "王小明", "code", code,
        "authority", "LEGAL_REPRESENTATIVE", "consent", "on", "documentSha256", hash.group(1)));
    assertThat(signed.statusCode()).isEqualTo(200);

    Contract record = contracts.findByNumber(contract.number()).orElseThrow();
    assertThat(record.merchantSignerName()).isEqualTo("王小明");
    assertThat(record.merchantSignedAt()).isNotNull();
    assertThat(record.merchantSignerIp()).isEqualTo("127.0.0.1");
    assertThat(record.merchantSignerUserAgent()).isEqualTo("bpo-contract-flow-test");
    ContractDocuments.Version second = documents.find(record.id(), 2).orElseThrow();
    ContractDocuments.Version first = documents.find(record.id(), 1).orElseThrow();
    assertThat(record.signedDocumentSha256()).isEqualTo(hash.group(1)).isEqualTo(second.pdfSha256())
        .isEqualTo(Sha256.hex(reviewedPdf.body()));
    assertThat(first.pdfSha256()).isNotEqualTo(second.pdfSha256());
    assertThat(record.signedDocumentVersion()).isEqualTo(2);
    assertThat(clauseSets.versions(record.id())).as("the draft and one revision").isEqualTo(2);
    assertThat(second.clauseSetVersion()).isEqualTo(2);
    assertThat(signPage).contains("上海仲裁委员会", "首次响应时间不超过 <span>5</span> 分钟", "/contract.pdf",
        "杭州小象电子商务有限公司", MERCHANT_CREDIT_CODE_VALUE, "第八条 法律适用");
    try (PDDocument pdf = Loader.loadPDF(reviewedPdf.body())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      assertThat(stripper.getText(pdf).replaceAll("\\s+", "")).contains(contract.number(), "客服外包服务合同",
          "任何一方均有权将争议提交上海仲裁委员会", "单价人民币2,800.00元/次咨询");
    }
    assertThat(reviewRounds.comments(record.id())).containsExactly(new ReviewRounds.Comment(1, "纠纷解决方式",
        "请写明仲裁委员会的名称", "商家 王小明（<script>alert('x')</script>小象），通过邮件链接"));

    rest.complete(contract, COUNTERSIGN_CONTRACT, countersign());
    assertThat(signatures.of(record.id())).hasSize(2).allSatisfy(s -> {
      assertThat(s.method()).isEqualTo(SigningMethod.ELECTRONIC);
      assertThat(s.documentVersion()).isEqualTo(2);
      assertThat(s.documentSha256()).isEqualTo(second.pdfSha256());
      assertThat(s.htmlSha256()).isEqualTo(second.htmlSha256());
    });
    assertThat(signatures.of(record.id())).filteredOn(s -> s.party() == Party.MERCHANT).singleElement()
        .satisfies(s -> assertThat(List.of(s.signer(), s.ip(), s.userAgent()))
            .containsExactly("王小明", "127.0.0.1", "bpo-contract-flow-test"));

    Map<?, ?> listed = anonymous.withBasicAuth("legal", "demo").getForObject(
        "/staff/contracts/" + contract.number() + "/documents", Map.class);
    assertThat(listed.get("signedVersion")).isEqualTo(2);
    assertThat((List<?>) listed.get("versions")).hasSize(2);
    assertThat((List<?>) listed.get("signatures")).hasSize(2);
    assertThat((List<?>) listed.get("reviewComments")).hasSize(1);
    assertThat(anonymous.getForEntity("/staff/contracts/" + contract.number() + "/documents", String.class)
        .getStatusCode().value()).isEqualTo(401);

    // anyone holding a PDF can have staff check it against the signed version
    String verify = "/staff/contracts/" + contract.number() + "/documents/verify";
    assertThat(anonymous.postForEntity(verify, reviewedPdf.body(), String.class).getStatusCode().value()).isEqualTo(401);
    Map<?, ?> signedCheck = anonymous.withBasicAuth("legal", "demo").postForObject(verify, reviewedPdf.body(), Map.class);
    assertThat(signedCheck.get("signed")).isEqualTo(true);
    assertThat(signedCheck.get("message")).isEqualTo("一致：该 PDF 就是双方签署的第 2 版");
    byte[] firstPdf = anonymous.withBasicAuth("legal", "demo").getForObject(
        "/staff/contracts/" + contract.number() + "/documents/1.pdf", byte[].class);
    assertThat(Sha256.hex(firstPdf)).isEqualTo(first.pdfSha256());
    Map<?, ?> oldCheck = anonymous.withBasicAuth("legal", "demo").postForObject(verify, firstPdf, Map.class);
    assertThat(oldCheck.get("signed")).isEqualTo(false);
    assertThat(oldCheck.get("message")).isEqualTo("不一致：该 PDF 是第 1 版，双方签署的是第 2 版");
    byte[] tampered = reviewedPdf.body().clone();
    tampered[tampered.length / 2] ^= 1;
    Map<?, ?> tamperedCheck = anonymous.withBasicAuth("legal", "demo").postForObject(verify, tampered, Map.class);
    assertThat(tamperedCheck.get("signed")).isEqualTo(false);
    assertThat(tamperedCheck.get("message")).isEqualTo("不一致：该 PDF 不是本合同的任何版本，可能已被改动");

    rest.correlate("DepositReceived", contract, payment("3000.00", "PAY-LINKS"));
    rest.onboardAndGoLive(contract);
    assertThat(rest.wentLive(contract)).isTrue();

    List<UserOperationLogEntry> merchantAnswers = historyService.createUserOperationLogQuery()
        .processInstanceId(contract.processInstanceId()).userId(MerchantAnswers.MERCHANT_USER)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
    assertThat(merchantAnswers).extracting(UserOperationLogEntry::getTaskId).doesNotContainNull().hasSizeGreaterThanOrEqualTo(4);
    assertThat(rest.variable(contract, Vars.ANSWERED_BY)).isEqualTo("商家 王小明（<script>alert('x')</script>小象），通过邮件链接");
  }

  /** What a merchant reads must never be a variable's name or an enum's raw value. */
  static final List<String> INTERNAL_NAMES = List.of("unitPrice", "billingModel", "depositAmount", "depositKind",
      "depositHandling", "serviceHours", "forumVenue", "disputeForum", "dutyRefund", "termMonths", "signingMethod",
      "PER_INQUIRY", "EXTENDED", "ROUND_THE_CLOCK", "SET_OFF", "PERFORMANCE_BOND", "DINGJIN", "ARBITRATION",
      "ELECTRONIC", "PAPER", "null", "true", "false");

  @Test
  void shouldShowTheMerchantWhatChangedSinceThePreviousRoundAsStaffSeeIt() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    rest.complete(contract, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "3000.00"));

    String firstRound = browser.get(linkIn(contract, "CONTRACT_FOR_REVIEW")).body();
    assertThat(firstRound).contains("合同第 <span>1</span> 轮审阅稿").doesNotContain("审阅稿相比的修改", " → ");
    assertThat(changesListed(firstRound)).isEmpty();

    rest.complete(contract, REVIEW_CLAUSES, clauseReview(false));
    Map<String, Object> revision = revision();
    revision.put(Vars.FORUM_VENUE, "上海仲裁委员会");
    revision.put(Vars.SERVICE_HOURS, "ROUND_THE_CLOCK");
    revision.put(Vars.DUTY_REFUND, false);
    rest.complete(contract, REVISE_CLAUSES, revision);

    String secondRound = browser.get(latestLinkIn(contract, "CONTRACT_FOR_REVIEW")).body();
    assertThat(secondRound).contains("合同第 <span>2</span> 轮审阅稿", "与第 <span>1</span> 轮审阅稿相比的修改");
    assertThat(changesListed(secondRound)).containsExactly(
        "【服务范围与标准】退款协商：是 → 否",
        "【服务范围与标准】服务时间：每日 8:00-24:00 → 7×24 小时",
        "【纠纷解决方式】仲裁委员会或人民法院名称：杭州仲裁委员会 → 上海仲裁委员会");
    // exactly what staff read in the review form of round 2
    String staffSee = (String) rest.variable(contract, Vars.ROUND_CHANGES);
    assertThat(changesListed(secondRound)).containsExactlyElementsOf(
        List.of(staffSee.substring(staffSee.indexOf('\n') + 1).split("\n")));

    // neither the pages nor the e-mails show a variable's name or an enum's raw value
    for (String page : List.of(firstRound, secondRound)) {
      assertThat(withoutMarkup(page)).doesNotContain(INTERNAL_NAMES);
    }
    for (OutboxMail mail : outbox.findByContract(contract.number())) {
      assertThat((mail.subject() + "\n" + mail.bodyText() + "\n" + withoutMarkup(mail.bodyHtml()))
          .replaceAll("https?://\\S+", "")).as(mail.template()).doesNotContain(INTERNAL_NAMES);
    }
  }

  /** The lines of the changes section of a review page. */
  static List<String> changesListed(String page) {
    int section = page.indexOf("审阅稿相比的修改");
    if (section < 0) {
      return List.of();
    }
    String list = page.substring(section, page.indexOf("</div>", section));
    Matcher item = Pattern.compile("<li>([^<]*)</li>").matcher(list);
    List<String> lines = new java.util.ArrayList<>();
    while (item.find()) {
      lines.add(org.springframework.web.util.HtmlUtils.htmlUnescape(item.group(1)));
    }
    return lines;
  }

  /** The text a reader sees: without tags, attributes, styles and scripts. */
  static String withoutMarkup(String html) {
    return html.replaceAll("(?s)<style.*?</style>", "").replaceAll("(?s)<script.*?</script>", "")
        .replaceAll("(?s)<[^>]*>", " ");
  }

  @Test
  void shouldLetTheMerchantConfirmThePaperCopyWasSentBack() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "0");
    rest.complete(contract, SEAL_CONTRACT, seal());
    rest.complete(contract, COURIER_CONTRACT, courier());

    String link = linkIn(contract, "CONTRACT_COURIERED");
    assertThat(browser.post(link, Map.of("courierCompany", "京东物流", "trackingNumber", "<b>x</b>")).body())
        .contains("「快递单号」只能包含字母、数字和 -");
    assertThat(browser.post(link, Map.of("courierCompany", "京东物流", "trackingNumber", "JD0012345678")).statusCode())
        .isEqualTo(200);

    Contract record = contracts.findByNumber(contract.number()).orElseThrow();
    assertThat(record.returnTrackingNumber()).isEqualTo("JD0012345678");
    String taskId = rest.taskId(contract, RECEIVE_COUNTERSIGNED_CONTRACT);
    assertThat(taskService.getTaskComments(taskId)).extracting(c -> c.getFullMessage())
        .containsExactly("商家已寄回盖章合同：京东物流 JD0012345678");
  }

  @Test
  void shouldRefuseForgedAlteredExpiredUsedAndOutdatedLinksAndChangeNothing() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    String link = linkIn(contract, "PROPOSAL");
    String token = link.substring(link.lastIndexOf('/') + 1);
    String base = link.substring(0, link.lastIndexOf('/') + 1);

    String altered = base + token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    assertRefused(browser.get(altered), 404, "链接无效");
    assertRefused(browser.post(altered, Map.of("decision", "ACCEPTED")), 404, "链接无效");
    assertRefused(browser.get(base + "forged-token"), 404, "链接无效");
    assertRefused(browser.get(base + "A".repeat(43)), 404, "链接无效");
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);

    // expired
    jdbc.sql("UPDATE merchant_link SET expires_at = created_at WHERE token_hash = :hash")
        .param("hash", MerchantLinks.hash(token)).update();
    assertRefused(browser.post(link, Map.of("decision", "ACCEPTED")), 410, "报价已过期"); // a proposal link lapses with its quote
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);
    jdbc.sql("UPDATE merchant_link SET expires_at = created_at + INTERVAL '1' DAY WHERE token_hash = :hash")
        .param("hash", MerchantLinks.hash(token)).update();

    // used
    assertThat(browser.post(link, Map.of("decision", "REVISION_REQUESTED", "comment", "请调整")).statusCode()).isEqualTo(200);
    assertRefused(browser.post(link, Map.of("decision", "ACCEPTED")), 409, "链接已使用");
    assertThat(rest.variable(contract, Vars.PROPOSAL_DECISION)).isEqualTo("REVISION_REQUESTED");

    // out of date: staff recorded the answer of round 2 in Tasklist, the round-2 link must not work any more
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    String secondRound = latestLinkIn(contract, "PROPOSAL");
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("DECLINED"));
    assertRefused(browser.get(secondRound), 409, "该事项已处理");
    assertRefused(browser.post(secondRound, Map.of("decision", "ACCEPTED")), 409, "该事项已处理");
    assertThat(rest.variable(contract, Vars.PROPOSAL_DECISION)).isEqualTo("DECLINED");
  }

  @Test
  void shouldShowOnlyTheLinksOwnContract() throws Exception {
    SigningRest.Started first = rest.start(request());
    SigningRest.Started second = rest.start(request());
    rest.complete(first, DRAFT_PROPOSAL, proposal("3000.00"));
    rest.complete(second, DRAFT_PROPOSAL, proposal("3000.00"));

    String page = browser.get(linkIn(first, "PROPOSAL")).body();
    assertThat(page).contains(first.number()).doesNotContain(second.number());
  }

  @Test
  void shouldShowTheOutboxToStaffOnlyWithEachMailRenderedAndItsLinks() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    OutboxMail proposalMail = mail(contract, "PROPOSAL");

    assertThat(anonymous.getForEntity("/staff/outbox", String.class).getStatusCode().value()).isEqualTo(401);
    String list = anonymous.withBasicAuth("finance", "demo").getForObject("/staff/outbox", String.class);
    assertThat(list).contains(contract.number(), proposalMail.subject(), "ops@xiaoxiang.example.com");
    String detail = anonymous.withBasicAuth("finance", "demo").getForObject("/staff/outbox/" + proposalMail.id(), String.class);
    String link = linkIn(contract, "PROPOSAL");
    assertThat(detail).contains("/m/" + link.substring(link.lastIndexOf('/') + 1) + "\"", "srcdoc=", "纯文本正文");
    assertThat(anonymous.postForEntity("/staff/outbox/" + proposalMail.id() + "/retry", null, String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.withBasicAuth("finance", "demo").postForEntity("/staff/outbox/" + proposalMail.id()
        + "/retry?csrf=guess", null, String.class).getStatusCode().value()).isEqualTo(403);
  }

  // ---------------------------------------------------------------- helpers

  static void assertRefused(HttpResponse<String> response, int status, String title) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains("<h1>" + title + "</h1>");
  }

  OutboxMail mail(SigningRest.Started contract, String template) {
    List<OutboxMail> mails = outbox.findByContract(contract.number()).stream()
        .filter(m -> m.template().equals(template)).toList();
    assertThat(mails).as("%s e-mail of %s", template, contract.number()).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  String linkIn(SigningRest.Started contract, String template) {
    OutboxMail mail = outbox.findByContract(contract.number()).stream()
        .filter(m -> m.template().equals(template)).findFirst().orElseThrow();
    return link(mail);
  }

  String latestLinkIn(SigningRest.Started contract, String template) {
    return link(mail(contract, template));
  }

  String link(OutboxMail mail) {
    Matcher html = LINK.matcher(mail.bodyHtml());
    Matcher text = LINK.matcher(mail.bodyText());
    assertThat(html.find()).as("link in the HTML part").isTrue();
    assertThat(text.find()).as("link in the text part").isTrue();
    assertThat(text.group(1)).isEqualTo(html.group(1));
    return "http://localhost:" + port + "/m/" + html.group(1);
  }

  @Test
  void shouldAskTheMerchantToConfirmADeclineAndShowTheContractAsAPageWithItsFingerprintBelowTheButton()
      throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    String proposalLink = linkIn(contract, "PROPOSAL");

    // declining ends the signing: without the confirmation the page asks for it and nothing changes
    HttpResponse<String> unconfirmed = browser.post(proposalLink, Map.of("decision", "DECLINED"));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("拒绝方案后本次签约即告结束。如确认拒绝，请勾选“我确认拒绝本方案”后再提交");
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);
    // accepting needs no confirmation
    SigningRest.Started other = rest.start(request());
    rest.complete(other, DRAFT_PROPOSAL, proposal("3000.00"));
    assertThat(browser.post(linkIn(other, "PROPOSAL"), Map.of("decision", "ACCEPTED")).statusCode()).isEqualTo(200);

    assertThat(browser.post(proposalLink, Map.of("decision", "DECLINED", "confirmDecline", "on")).statusCode()).isEqualTo(200);
    assertThat(rest.taskKeys(contract)).isEmpty();
    assertThat(rest.variable(contract, Vars.PROPOSAL_DECISION)).isEqualTo("DECLINED");

    // the signing page: the contract in the page itself, the fingerprint in the verification details below the button
    rest.complete(other, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "3000.00"));
    rest.complete(other, REVIEW_CLAUSES, clauseReview(true));
    String signPage = browser.get(linkIn(other, "SIGNING_INSTRUCTIONS")).body();
    int button = signPage.indexOf("签署合同</button>");
    int details = signPage.indexOf("<summary>核验信息</summary>");
    Matcher hash = Pattern.compile("<p class=\"hash\">([0-9a-f]{64})</p>").matcher(signPage);
    assertThat(button).isPositive();
    assertThat(details).isGreaterThan(button);
    assertThat(hash.find()).isTrue();
    assertThat(hash.start()).isGreaterThan(details);
    assertThat(new String(MerchantLinksTest.class.getResourceAsStream("/static/merchant/merchant.css").readAllBytes(),
        StandardCharsets.UTF_8)).doesNotContain("max-height").doesNotContain("overflow-y");
  }
}
