package com.bpocontractflow.onboarding;

import static com.bpocontractflow.signing.SigningTestData.payment;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.merchant.MerchantBrowser;
import com.bpocontractflow.signing.ContractSigningProcess.Tasks;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.SigningRest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The merchant's onboarding checklist: the e-mail when the deposit is paid, the page behind its link (only
 * that link opens it; answers escaped; updated until go-live, then read-only) and the answers in the open
 * onboarding tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:onboarding-checklist-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class OnboardingChecklistPageTest {

  static final Pattern CHECKLIST_LINK = Pattern.compile("https?://[^\"\\s]+/m/([A-Za-z0-9_-]{43})/onboarding");
  static final String SCRIPT = "<script>alert('x')</script>";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;

  final MerchantBrowser browser = new MerchantBrowser(HttpClient.newHttpClient());
  SigningRest rest;

  @BeforeEach
  void authenticate() {
    rest = new SigningRest(anonymous);
  }

  SigningRest.Started contractWithDepositPaid() {
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);
    rest.correlate("DepositReceived", contract, payment("5000.00", "PAY-" + contract.number()));
    return contract;
  }

  OutboxMail checklistMail(SigningRest.Started contract) {
    List<OutboxMail> mails = outbox.findByContract(contract.number()).stream()
        .filter(mail -> mail.template().equals("ONBOARDING_CHECKLIST")).toList();
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  String token(OutboxMail mail) {
    Matcher html = CHECKLIST_LINK.matcher(mail.bodyHtml());
    Matcher text = CHECKLIST_LINK.matcher(mail.bodyText());
    assertThat(html.find()).as("link in the HTML part").isTrue();
    assertThat(text.find()).as("link in the text part").isTrue();
    assertThat(text.group(1)).isEqualTo(html.group(1));
    return html.group(1);
  }

  String page(String token) {
    return "http://localhost:" + port + "/m/" + token + "/onboarding";
  }

  static Map<String, String> answers(String subaccountNote) {
    Map<String, String> form = new HashMap<>();
    form.put("provided_PRODUCT_MATERIALS", "on");
    form.put("note_PRODUCT_MATERIALS", "已发送至培训邮箱");
    form.put("provided_SUBACCOUNT_AUTHORISATION", "on");
    form.put("note_SUBACCOUNT_AUTHORISATION", subaccountNote);
    form.put("note_ORDER_SYSTEM_ACCESS", "下周一开通");
    return form;
  }

  @Test
  void shouldMailTheChecklistWhenTheDepositIsPaidWithTheItemsAndAReusableLinkAndRemindOfWhatIsMissing() throws Exception {
    SigningRest.Started contract = contractWithDepositPaid();

    OutboxMail mail = checklistMail(contract);
    assertThat(mail.subject()).isEqualTo("【合同编号 " + contract.number() + "】上线准备清单：请准备并登记上线所需的资料和授权");
    for (ChecklistItem item : ChecklistItem.values()) {
      assertThat(mail.bodyText()).contains(item.label() + "：" + item.hint());
      assertThat(mail.bodyHtml()).contains(item.label());
    }
    assertThat(mail.bodyText()).contains("贵司的履约保证金已到账", "正式上线前可多次更新", "合同结束时我们将全部回收")
        .doesNotContain("可使用一次");
    String token = token(mail);

    // the merchant registers two items; the reminder names the three still missing, with a new link
    Map<String, String> partly = new HashMap<>();
    partly.put("provided_PRODUCT_MATERIALS", "on");
    partly.put("provided_SERVICE_POLICIES", "on");
    assertThat(browser.post(page(token), partly).statusCode()).isEqualTo(200);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(contract.processInstanceId())
        .activityId("BoundaryEvent_ChecklistReminderDue").singleResult().getId());
    OutboxMail reminder = outbox.findByContract(contract.number()).stream()
        .filter(m -> m.template().equals("ONBOARDING_CHECKLIST_REMINDER")).findFirst().orElseThrow();
    assertThat(reminder.subject()).isEqualTo("【合同编号 " + contract.number() + "】提醒：上线准备清单尚有 3 项未提供");
    assertThat(reminder.bodyText()).contains("1. 订单系统/CRM 账号：", "2. 千牛子账号授权：", "3. 客服软件接入授权：",
        "如已提供，请通过下方链接更新登记").doesNotContain("商品资料：", "已到账");
    assertThat(reminder.bodyHtml()).contains("千牛子账号授权").doesNotContain("商品资料");
    assertThat(token(reminder)).isNotEqualTo(token);
  }

  @Test
  void shouldOpenOnlyWithItsOwnLinkAndKeepTheMerchantsAnswersEscapedUntilGoLive() throws Exception {
    SigningRest.Started contract = contractWithDepositPaid();
    String token = token(checklistMail(contract));

    HttpResponse<String> empty = browser.get(page(token));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains(contract.number(), "上线准备清单", "千牛子账号授权", "保存登记");
    assertThat(empty.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("default-src 'none'"));
    assertThat(taskService.getVariableLocal(rest.taskId(contract, Tasks.AUTHORIZE_SUBACCOUNTS), Vars.MERCHANT_PROVISIONS))
        .asString().startsWith("商家尚未填写上线准备清单");

    // a forged or altered token, and this token on an answer page, open nothing
    String forged = "A".repeat(43);
    assertThat(browser.get(page(forged)).statusCode()).isEqualTo(404);
    assertThat(browser.post(page(forged), answers("x")).statusCode()).isEqualTo(404);
    assertThat(browser.get(page(token.substring(1) + "B")).statusCode()).isEqualTo(404);
    assertThat(browser.get("http://localhost:" + port + "/m/" + token).statusCode()).isEqualTo(404);
    assertThat(rows(contract)).isZero();

    // saved, shown escaped on the page, and at once in the open onboarding tasks as typed
    HttpResponse<String> saved = browser.post(page(token), answers(SCRIPT + "已开通 5 个"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("已保存", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;已开通 5 个")
        .doesNotContain(SCRIPT);
    assertThat(rows(contract)).isEqualTo(ChecklistItem.values().length);
    String shown = (String) taskService.getVariableLocal(rest.taskId(contract, Tasks.AUTHORIZE_SUBACCOUNTS),
        Vars.MERCHANT_PROVISIONS);
    assertThat(shown).contains("【已提供】商品资料：已发送至培训邮箱", "【已提供】千牛子账号授权：" + SCRIPT + "已开通 5 个",
        "【未提供】订单系统/CRM 账号：下周一开通", "【未提供】客服软件接入授权", "商家最近更新：");
    assertThat(taskService.getVariableLocal(rest.taskId(contract, Tasks.CONDUCT_TRAINING), Vars.MERCHANT_PROVISIONS))
        .isEqualTo(shown);

    // a note over 200 characters: 400 naming the item, nothing changed
    HttpResponse<String> tooLong = browser.post(page(token), answers("长".repeat(201)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("上线准备清单·千牛子账号授权·备注：最多 200 个字");
    assertThat(note(contract, ChecklistItem.SUBACCOUNT_AUTHORISATION)).isEqualTo(SCRIPT + "已开通 5 个");

    // updated again: the page shows the new state
    Map<String, String> update = answers("已开通 6 个");
    update.put("provided_ORDER_SYSTEM_ACCESS", "on");
    assertThat(browser.post(page(token), update).statusCode()).isEqualTo(200);
    assertThat(browser.get(page(token)).body()).contains("value=\"已开通 6 个\"");
    assertThat(jdbc.sql("SELECT provided FROM onboarding_checklist WHERE contract_id = (SELECT id FROM contract WHERE "
        + "contract_number = :n) AND item = 'ORDER_SYSTEM_ACCESS'").param("n", contract.number()).query(Boolean.class)
        .single()).isTrue();

    // from go-live on: read-only, a change is refused and changes nothing
    rest.onboardAndGoLive(contract);
    HttpResponse<String> live = browser.get(page(token));
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("已正式上线，仅供查看", "已开通 6 个").doesNotContain("保存登记", "<form");
    HttpResponse<String> late = browser.post(page(token), answers("改为 7 个"));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("服务已正式上线，上线准备清单不能再修改");
    assertThat(note(contract, ChecklistItem.SUBACCOUNT_AUTHORISATION)).isEqualTo("已开通 6 个");
  }

  int rows(SigningRest.Started contract) {
    return jdbc.sql("SELECT COUNT(*) FROM onboarding_checklist WHERE contract_id = (SELECT id FROM contract WHERE "
        + "contract_number = :n)").param("n", contract.number()).query(Integer.class).single();
  }

  String note(SigningRest.Started contract, ChecklistItem item) {
    return jdbc.sql("SELECT note FROM onboarding_checklist WHERE contract_id = (SELECT id FROM contract WHERE "
        + "contract_number = :n) AND item = :item").param("n", contract.number()).param("item", item.name())
        .query(String.class).single();
  }
}
