package com.bpocontractflow.merchant;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.signing.ContractCancellationProcess;
import com.bpocontractflow.signing.SigningRest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two ways to end a signing before the contract is formed besides the integration endpoint: the merchant
 * withdraws through the link in any e-mail that expects its answer ({@code /m/<token>/withdraw}), and sales or
 * a manager cancels with the Tasklist start form 取消合同 ({@code cancel-contract}); each is refused, with the
 * reason and nothing changed, once the contract is formed or the signing has ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:merchant-withdrawal-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class MerchantWithdrawalTest {

  static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+/m/([A-Za-z0-9_-]{43})");

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;
  @Autowired
  ContractRepository contracts;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;

  final MerchantBrowser browser = new MerchantBrowser(HttpClient.newHttpClient());
  SigningRest rest;

  @BeforeEach
  void authenticate() {
    rest = new SigningRest(anonymous);
  }

  List<OutboxMail> mails(SigningRest.Started contract, String template) {
    return outbox.findByContract(contract.number()).stream().filter(m -> m.template().equals(template)).toList();
  }

  /** The token of the latest {@code template} e-mail's answer link; both parts carry it and its withdrawal link. */
  String token(SigningRest.Started contract, String template) {
    List<OutboxMail> sent = mails(contract, template);
    assertThat(sent).as(template).isNotEmpty();
    OutboxMail mail = sent.get(sent.size() - 1);
    Matcher html = LINK.matcher(mail.bodyHtml());
    assertThat(html.find()).isTrue();
    String token = html.group(1);
    assertThat(mail.bodyText()).contains("/m/" + token + "\n", "不再签约？合同成立前可随时撤回本次签约：",
        "/m/" + token + "/withdraw");
    assertThat(mail.bodyHtml()).contains("/m/" + token + "/withdraw\"", "撤回本次签约");
    return token;
  }

  String url(String token) {
    return "http://localhost:" + port + "/m/" + token + "/withdraw";
  }

  @Test
  void shouldLetTheMerchantWithdrawThroughTheLinkOfItsProposalAndConfirmIt() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));
    String token = token(contract, "PROPOSAL");
    // the reminder of the same wait carries a new link and its withdrawal
    Job reminder = managementService.createJobQuery().processInstanceId(contract.processInstanceId())
        .activityId("BoundaryEvent_ProposalAnswerReminderDue").singleResult();
    managementService.executeJob(reminder.getId());
    String reminderToken = token(contract, "REMINDER");
    assertThat(reminderToken).isNotEqualTo(token);
    // the answer page links to the withdrawal
    assertThat(browser.get("http://localhost:" + port + "/m/" + token).body())
        .contains("href=\"/m/" + token + "/withdraw\"", "在合同成立前撤回本次签约");

    HttpResponse<String> page = browser.get(url(token));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("确认撤回本次签约", "action=\"/m/" + token + "/withdraw\"", "name=\"withdrawalReason\"",
        contract.number());
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("form-action 'self'"));

    // no reason: 400 with the form again, the link still usable, nothing changed
    HttpResponse<String> noReason = browser.post(url(token), Map.of("withdrawalReason", " "));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("撤回原因", "确认撤回本次签约");
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);
    assertThat(mails(contract, "SIGNING_WITHDRAWN")).isEmpty();

    HttpResponse<String> withdrawn = browser.post(url(token), Map.of("withdrawalReason", "公司决定自建客服团队"));

    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("已撤回签约", "贵司已撤回本次客服外包签约", "确认邮件已发送至贵司的联系邮箱");
    assertThat(rest.taskKeys(contract)).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(contract.processInstanceId()).count()).isZero();
    assertThat(contracts.findByNumber(contract.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.WITHDRAWN);
    assertThat(jdbc.sql("SELECT withdrawn_by, withdrawal_reason FROM contract WHERE contract_number = :n")
        .param("n", contract.number()).query().singleRow()).containsValues("MERCHANT", "公司决定自建客服团队");
    List<OutboxMail> confirmation = mails(contract, "SIGNING_WITHDRAWN");
    assertThat(confirmation).hasSize(1);
    assertThat(confirmation.get(0).recipient()).isEqualTo(request().get("merchantEmail"));
    assertThat(confirmation.get(0).subject()).contains("已确认：贵司已撤回签约");
    assertThat(confirmation.get(0).bodyText()).contains("我们已收到并确认贵司撤回本次客服外包签约", "撤回原因",
        "公司决定自建客服团队");

    // afterwards each link says why nothing more can be done, and changes nothing
    for (String used : List.of(token, reminderToken)) {
      HttpResponse<String> again = browser.get(url(used));
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("不能撤回", "的签约已经结束", "商家已撤回签约").doesNotContain("name=\"withdrawalReason\"");
      assertThat(browser.post(url(used), Map.of("withdrawalReason", "再次撤回")).statusCode()).isEqualTo(409);
    }
    assertThat(mails(contract, "SIGNING_WITHDRAWN")).hasSize(1);
  }

  @Test
  void shouldSayWhyTheMerchantCannotWithdrawOnceThePaperContractIsFormed() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "0");
    rest.complete(contract, SEAL_CONTRACT, seal());
    rest.complete(contract, COURIER_CONTRACT, courier());
    String token = token(contract, "CONTRACT_COURIERED");
    assertThat(browser.get(url(token)).statusCode()).isEqualTo(200);
    String altered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    HttpResponse<String> forged = browser.post(url(altered), Map.of("withdrawalReason", "不再合作"));
    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(forged.body()).contains("链接无效");

    rest.complete(contract, RECEIVE_COUNTERSIGNED_CONTRACT, countersignedCopyReceived());

    HttpResponse<String> page = browser.get(url(token));
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("不能撤回", "合同 " + contract.number() + " 已经成立", "书面解约通知")
        .doesNotContain("name=\"withdrawalReason\"");
    HttpResponse<String> post = browser.post(url(token), Map.of("withdrawalReason", "不再合作"));
    assertThat(post.statusCode()).isEqualTo(409);
    assertThat(post.body()).contains("已经成立");
    assertThat(contracts.findByNumber(contract.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.SIGNED);
    assertThat(rest.taskKeys(contract)).isNotEmpty();
    assertThat(mails(contract, "SIGNING_WITHDRAWN")).isEmpty();
  }

  Map<String, Object> cancellation(String number) {
    return Map.of("contractNumber", number, "withdrawalReason", "商家所在类目我方暂无客服团队可承接");
  }

  Map<String, Object> cancel(String user, Map<String, Object> form, HttpStatus expected) {
    return rest.as(user).post("/process-definition/key/" + ContractCancellationProcess.KEY + "/submit-form",
        Map.of("variables", SigningRest.typed(form)), expected);
  }

  @Test
  void shouldLetSalesAndManagersOnlyCancelInTasklistAndRefuseUnknownAndFormedContracts() {
    SigningRest.Started open = rest.start(request());
    rest.complete(open, DRAFT_PROPOSAL, proposal("3000.00"));
    rest.complete(open, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    rest.complete(open, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "3000.00"));
    SigningRest.Started formed = rest.start(request());
    rest.agreeOnContract(formed, "PAPER", "0");
    rest.signOnPaper(formed);
    SigningRest.Started another = rest.start(request());

    String startable = "/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true";
    for (String user : List.of("sales", "manager")) {
      assertThat(rest.as(user).getList(startable)).as(user).extracting(d -> d.get("key"))
          .contains(ContractCancellationProcess.KEY);
    }
    for (String user : List.of("legal", "finance", "onboarding")) {
      assertThat(rest.as(user).getList(startable)).as(user).extracting(d -> d.get("key"))
          .doesNotContain(ContractCancellationProcess.KEY);
      assertThat(anonymous.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/"
              + ContractCancellationProcess.KEY + "/submit-form",
          Map.of("variables", SigningRest.typed(cancellation(open.number()))), String.class)
          .getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat((String) cancel("sales", cancellation("BPO-2027-999999"), HttpStatus.BAD_REQUEST).get("message"))
        .contains("合同编号 BPO-2027-999999 不存在");
    assertThat((String) cancel("sales", cancellation(formed.number()), HttpStatus.BAD_REQUEST).get("message"))
        .contains("合同 " + formed.number() + " 已经成立", "书面解约通知");
    Map<String, Object> noReason = new HashMap<>(cancellation(open.number()));
    noReason.put("withdrawalReason", "");
    assertThat(cancel("sales", noReason, HttpStatus.BAD_REQUEST).toString()).contains("取消原因");
    assertThat(rest.getList("/history/process-instance?processDefinitionKey=" + ContractCancellationProcess.KEY)).isEmpty();
    assertThat(rest.taskKeys(open)).containsExactly(REVIEW_CLAUSES);
    assertThat(contracts.findByNumber(formed.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.SIGNED);
    assertThat(mails(formed, "SIGNING_CANCELLED")).isEmpty();

    Map<String, Object> cancelled = cancel("sales", cancellation(open.number()), HttpStatus.OK);

    assertThat(rest.get("/history/process-instance/" + cancelled.get("id")))
        .containsEntry("businessKey", open.number()).containsEntry("startUserId", "sales")
        .containsEntry("state", "COMPLETED");
    assertThat(rest.taskKeys(open)).isEmpty();
    assertThat(contracts.findByNumber(open.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.CANCELLED);
    List<OutboxMail> notice = mails(open, "SIGNING_CANCELLED");
    assertThat(notice).hasSize(1);
    assertThat(notice.get(0).subject()).contains("签约已取消");
    assertThat(notice.get(0).bodyText()).contains("我方已取消本次客服外包签约", "取消原因", "商家所在类目我方暂无客服团队可承接");
    // the review link of the cancelled contract now says why it cannot be withdrawn
    assertThat(cancel("manager", cancellation(open.number()), HttpStatus.BAD_REQUEST).get("message").toString())
        .contains("的签约已经结束", "服务方已取消签约");

    cancel("manager", cancellation(another.number()), HttpStatus.OK);
    assertThat(contracts.findByNumber(another.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.CANCELLED);
  }
}
