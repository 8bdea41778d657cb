package com.bpocontractflow.term;

import static com.bpocontractflow.signing.SigningTestData.*;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.TestSmtp;
import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.OutboxSender;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SigningRest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application, through its public interface: a contract goes live, the merchant's termination
 * notice arrives from the integration, the notice period's 30 calendar days pass, finance settles, the data
 * is deleted — and the merchant receives each e-mail on a real SMTP server. The engine's clock is set to
 * fixed dates so that every amount and date is known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:service-term-application-test;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class ServiceTermApplicationTest {

  /** One SMTP server per test class, on a port the system picks; the application is told which. */
  @RegisterExtension
  static TestSmtp smtp = new TestSmtp();

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", smtp::port);
  }

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  OutboxSender sender;
  @Autowired
  ContractRepository contracts;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  com.bpocontractflow.document.ContractOriginals originals;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;
  SigningRest rest;

  @BeforeEach
  void setUp() {
    rest = new SigningRest(anonymous);
    clock(LocalDate.of(2027, 3, 1), 10);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clock(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clocks.ZONE).toInstant()));
  }

  Map<String, Object> notice(String received) {
    return new HashMap<>(Map.of(NOTICE_PARTY, "MERCHANT", NOTICE_RECEIVED_DATE, received,
        TERMINATION_REASON, "店铺转型，不再需要外包客服"));
  }

  @Test
  void shouldEndTheContractThirtyDaysAfterTheMerchantsNoticeSettleAndDeleteTheData() throws Exception {
    SigningRest.Started signing = goLiveOn("2027-03-01");
    SigningRest.Started term = new SigningRest.Started((String) rest.getList(
        "/process-instance?superProcessInstance=" + signing.processInstanceId()).get(0).get("id"), signing.number());
    assertThat(rest.get("/process-instance/" + term.processInstanceId()).get("businessKey")).isEqualTo(signing.number());

    // a notice dated tomorrow is refused in zh-CN, nothing changes
    clock(LocalDate.of(2027, 3, 10), 15);
    Map<String, Object> tomorrow = new HashMap<>(notice("2027-03-11"));
    tomorrow.put("contractNumber", signing.number());
    Map<String, Object> refused = rest.report("termination-notices", tomorrow, HttpStatus.BAD_REQUEST);
    assertThat((List<?>) refused.get("problems")).anySatisfy(problem ->
        assertThat((String) problem).contains("「通知送达日期（noticeReceivedDate）」不能晚于今天"));

    rest.correlate("TerminationNoticeReceived", signing, notice("2027-03-10"));
    merchantChoosesDeletionOnItsLinkPage(signing, term);
    // a second notice during the notice period is recorded; the end date stands
    rest.correlate("TerminationNoticeReceived", signing, notice("2027-03-10"));
    long id = contracts.findByNumber(signing.number()).orElseThrow().id();
    assertThat(jdbc.sql("SELECT outcome FROM termination_notice WHERE contract_id = :id ORDER BY id").param("id", id)
        .query(String.class).list()).containsExactly("ACCEPTED", "REPEATED");
    assertThat(contracts.get(id).statusValue()).isEqualTo(ContractStatus.TERMINATING);

    // 10 March + 30 calendar days: the service runs through 9 April; the timer fires as 10 April begins
    List<Map<String, Object>> jobs = rest.getList("/job?processInstanceId=" + term.processInstanceId()
        + "&activityId=TimerEvent_ServiceEnds");
    assertThat(jobs).hasSize(1);
    assertThat(java.time.OffsetDateTime.parse((String) jobs.get(0).get("dueDate"),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
        .isEqualTo(LocalDate.of(2027, 4, 10).atStartOfDay(Clocks.ZONE).toInstant());
    clock(LocalDate.of(2027, 4, 10), 1);
    // running a timer early is an administrator's act (managers may not: see docs/access.md)
    rest.as("admin").post("/job/" + jobs.get(0).get("id") + "/execute", Map.of(), HttpStatus.NO_CONTENT);

    rest.complete(term, "final-settlement", Map.of(UNPAID_INVOICES, "8000.00", USAGE_FEES, "12345.67"));
    clock(LocalDate.of(2027, 4, 12), 11);
    // the access the merchant granted is revoked (recorded with the data disposal, printed on the certificate)
    rest.complete(term, "revoke-merchant-access", Map.of(REVOKED_ACCESS, "千牛子账号 5 个已解除授权",
        ACCESS_REVOKED_ON, "2027-04-10"));
    // the merchant chose deletion: recording a return is refused in zh-CN, nothing changes
    Map<String, Object> returned = Map.of(DATA_DISPOSAL, "RETURNED", DATA_DISPOSED_ON, "2027-04-12",
        DATA_DISPOSAL_NOTE, "聊天记录导出为 Excel 发送给商家");
    Map<String, Object> refusedReturn = rest.as("onboarding").post("/task/" + rest.taskId(term, "return-or-delete-data")
        + "/complete", Map.of("variables", SigningRest.typed(returned)), HttpStatus.BAD_REQUEST);
    assertThat(refusedReturn.toString()).contains("「处理方式」与商家的选择不符：商家选择了“删除”，只能登记“删除”");
    // deleting needs the method, which the certificate states
    Map<String, Object> deletion = new HashMap<>(Map.of(DATA_DISPOSAL, "DELETED", DATA_DISPOSED_ON, "2027-04-12",
        DATA_DISPOSAL_NOTE, "子账号已注销，聊天记录导出文件已删除，核验人：张运维"));
    Map<String, Object> noMethod = rest.as("onboarding").post("/task/" + rest.taskId(term, "return-or-delete-data")
        + "/complete", Map.of("variables", SigningRest.typed(deletion)), HttpStatus.BAD_REQUEST);
    assertThat(noMethod.toString()).contains("请填写「删除方式（写明删除了哪些系统中的数据、如何删除，备份如何处理）」");
    assertThat(rest.taskKeys(term)).contains("return-or-delete-data");
    deletion.put(DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖，店铺子账号注销，备份随 30 天轮换过期");
    rest.complete(term, "return-or-delete-data", deletion);

    assertThat(rest.get("/history/process-instance/" + term.processInstanceId()).get("state")).isEqualTo("COMPLETED");
    assertThat(rest.get("/history/process-instance/" + signing.processInstanceId()).get("state")).isEqualTo("COMPLETED");
    assertThat(contracts.get(id).statusValue()).isEqualTo(ContractStatus.CLOSED);
    assertThat(jdbc.sql("SELECT merchant_pays FROM final_settlement WHERE contract_id = :id").param("id", id)
        .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("35345.67");

    while (sender.sendDue() > 0) {
      // deliver everything (other tests' contracts too)
    }
    // the messages of this contract: those whose Message-ID the outbox wrote for it
    List<String> written = jdbc.sql("SELECT message_id FROM mail_outbox WHERE contract_number = :number")
        .param("number", signing.number()).query(String.class).list();
    List<MimeMessage> received = new java.util.ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (written.contains(message.getMessageID())) {
        received.add(message);
      }
    }
    assertThat(received).hasSameSizeAs(written);
    String prefix = "【合同编号 " + signing.number() + "】";
    // the choice went to the contract's notice e-mail, apart from the contact's
    String choiceSubject = prefix + "请选择服务结束后返还或删除客户数据（2027年5月2日 前）";
    MimeMessage choice = null;
    for (MimeMessage message : received) {
      if (choiceSubject.equals(message.getSubject())) {
        choice = message;
      }
    }
    assertThat(choice).isNotNull();
    assertThat(choice.getAllRecipients()[0].toString()).isEqualTo("legal@xiaoxiang.example.com");
    received.remove(choice);
    assertThat(received).extracting(MimeMessage::getSubject).endsWith(
        prefix + "客服服务正式上线通知",
        prefix + "解约通知回执：服务至 2027年4月9日 结束",
        prefix + "再次收到解约通知：服务仍至 2027年4月9日 结束",
        prefix + "最终结算单",
        prefix + "客户数据已删除");
    assertThat(received.get(received.size() - 1).getAllRecipients()[0].toString())
        .isEqualTo("legal@xiaoxiang.example.com");
    String acknowledgement = SigningRest.parts(received.get(received.size() - 4)).get("text/plain");
    String statement = SigningRest.parts(received.get(received.size() - 2)).get("text/plain");
    assertThat(acknowledgement).contains("2027年3月10日").contains("提前解约违约金：20,000.00");
    // usage 12,345.67 + unpaid 8,000.00 + penalty 20,000.00 = 40,345.67; the 5,000.00 deposit (the standard
    // template's 履约保证金) is set off
    assertThat(statement).contains("应付合计：40,345.67").contains("履约保证金抵扣：5,000.00")
        .contains("贵司应付：35,345.67");
    deletionCertificate(signing, id, SigningRest.parts(received.get(received.size() - 1)).get("text/plain"));
  }

  /** The merchant's choice mail went to the notice e-mail; its link page takes the choice once. */
  void merchantChoosesDeletionOnItsLinkPage(SigningRest.Started signing, SigningRest.Started term) {
    Map<String, Object> mail = jdbc.sql("SELECT recipient, body_text FROM mail_outbox WHERE contract_number = :number"
        + " AND template = 'DATA_CHOICE'").param("number", signing.number()).query().singleRow();
    assertThat(mail.get("RECIPIENT")).isEqualTo("legal@xiaoxiang.example.com");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/m/([A-Za-z0-9_-]{43})")
        .matcher((String) mail.get("BODY_TEXT"));
    assertThat(link.find()).isTrue();
    String page = "/m/" + link.group(1);
    assertThat(anonymous.getForEntity(page, String.class).getBody()).contains("选择返还或删除数据")
        .contains("顾客姓名、联系电话");

    // a return without the format is refused, the choice stays open
    org.springframework.http.ResponseEntity<String> refused = anonymous.postForEntity(page, form("choice", "RETURNED"),
        String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("请填写「合同第三条·返还的数据格式和交付方式」");
    assertThat(rest.getList("/history/variable-instance?processInstanceId=" + term.processInstanceId()
        + "&variableName=" + DATA_CHOICE)).isEmpty();

    org.springframework.http.ResponseEntity<String> chosen = anonymous.postForEntity(page, form("choice", "DELETED"),
        String.class);
    assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.variable(term, DATA_CHOICE)).isEqualTo("DELETED");
    assertThat((String) rest.variable(term, DATA_CHOICE_LABEL)).isEqualTo("甲方于 2027年3月10日 通过邮件链接选择：删除");
    assertThat(anonymous.postForEntity(page, form("choice", "RETURNED"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  static org.springframework.http.HttpEntity<org.springframework.util.MultiValueMap<String, String>> form(
      String... pairs) {
    org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
    return new org.springframework.http.HttpEntity<>(form, headers);
  }

  /**
   * The deletion certificate: what (the clause's data categories), when, how, who; the merchant downloads
   * it through the link of its e-mail, staff from the contract's documents once logged in.
   */
  void deletionCertificate(SigningRest.Started signing, long id, String mail) throws Exception {
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/m/data-deletion-certificate/([A-Za-z0-9_-]{43})")
        .matcher(mail);
    assertThat(link.find()).as(mail).isTrue();
    org.springframework.http.ResponseEntity<byte[]> download = anonymous.getForEntity(link.group(), byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
    byte[] pdf = download.getBody();
    String sha256 = jdbc.sql("SELECT pdf_sha256 FROM data_deletion_certificate WHERE contract_id = :id")
        .param("id", id).query(String.class).single();
    assertThat(com.bpocontractflow.common.Sha256.hex(pdf)).isEqualTo(sha256);
    assertThat(mail).contains("数据删除证明 SHA-256：" + sha256);
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
      stripper.setSortByPosition(true);
      text = stripper.getText(document).replaceAll("\\s+", "");
    }
    assertThat(text).contains("数据删除证明").contains(signing.number())
        .contains("杭州小象电子商务有限公司").contains("星海客服外包服务有限公司")
        // what, when, how, who
        .contains("删除的数据顾客姓名、联系电话、收货地址、订单信息、聊天记录")
        .contains("删除日期2027年4月12日")
        .contains("删除方式客服系统数据库记录删除并覆盖，店铺子账号注销，备份随30天轮换过期")
        .contains("登记人乙方员工小赵实施（onboarding）")
        .contains("甲方于2027年3月10日通过邮件链接选择：删除")
        .contains("第四十七条")
        // the access the merchant granted, revoked at the end of the service
        .contains("回收的账号和权限千牛子账号5个已解除授权").contains("回收日期2027年4月10日");
    assertThat(anonymous.getForEntity("/m/data-deletion-certificate/" + "A".repeat(43), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // staff: only once logged in
    String staffPath = "/staff/contracts/" + signing.number() + "/documents/data-deletion-certificate.pdf";
    assertThat(anonymous.getForEntity(staffPath, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    org.springframework.http.ResponseEntity<byte[]> staffCopy = anonymous.withBasicAuth("onboarding", "demo")
        .getForEntity(staffPath, byte[].class);
    assertThat(staffCopy.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(staffCopy.getBody()).isEqualTo(pdf);
    assertThat(anonymous.withBasicAuth("onboarding", "demo").getForEntity("/staff/contracts/" + signing.number(),
        String.class).getBody()).contains("下载数据删除证明（PDF）").contains(sha256)
        .contains("已回收商家授权的账号和权限：", "千牛子账号 5 个已解除授权", "2027-04-10");
  }

  @Test
  void shouldStartServiceLevelReviewsAndDisputesOverRestAndRefuseBadStarts() {
    // before go-live there is no service term to take a termination notice
    SigningRest.Started early = rest.start(request());
    Map<String, Object> earlyNotice = new HashMap<>(notice("2027-03-01"));
    earlyNotice.put("contractNumber", early.number());
    Map<String, Object> tooEarly = rest.report("termination-notices", earlyNotice, HttpStatus.CONFLICT);
    assertThat((String) tooEarly.get("message")).isEqualTo("合同 " + early.number() + " 当前没有在等待「解约通知」");

    SigningRest.Started contract = goLiveOn("2027-03-01");
    clock(LocalDate.of(2027, 4, 2), 10);
    // contract-term asked for March's figures on the first working day of April
    String termId = (String) rest.getList("/process-instance?superProcessInstance=" + contract.processInstanceId())
        .get(0).get("id");
    List<Map<String, Object>> ask = rest.as("admin").getList("/job?processInstanceId=" + termId
        + "&activityId=StartEvent_SlaPeriodsBegin");
    assertThat(ask).hasSize(1);
    rest.as("admin").post("/job/" + ask.get(0).get("id") + "/execute", Map.of(), HttpStatus.NO_CONTENT);
    String awaited = "/event-subscription?processInstanceId=" + termId + "&eventName=SlaFiguresSubmitted";
    assertThat(rest.as("admin").getList(awaited)).hasSize(1);
    Map<String, Object> figures = new HashMap<>(Map.of("contractNumber", contract.number(),
        "periodStart", "2027-03-01", "periodEnd", "2027-03-31", "firstReplyOnTimePercent", "96",
        "averageFirstReplySeconds", 40, "resolvedOnTimePercent", "97", "satisfactionPercent", "85",
        "badReviewPercent", "0.5", "complaints", 2, "periodFees", "12000.00"));
    Map<String, Object> backwards = new HashMap<>(figures);
    backwards.put("periodEnd", "2027-02-28");
    Map<String, Object> refused = rest.report("sla-figures", backwards, HttpStatus.BAD_REQUEST);
    assertThat((List<?>) refused.get("problems")).anySatisfy(problem ->
        assertThat((String) problem).contains("「评估期结束日期」不能早于开始日期"));
    assertThat(rest.getList("/process-instance?processDefinitionKey=sla-review&businessKey=" + contract.number()))
        .isEmpty();

    rest.report("sla-figures", figures, HttpStatus.OK);
    // the system's figures satisfy the period: nothing waits for them, no task will ask onboarding
    assertThat(rest.as("admin").getList(awaited)).isEmpty();
    assertThat(rest.as("admin").getList("/job?processInstanceId=" + termId + "&activityId=TimerEvent_SlaFiguresWait"))
        .isEmpty();
    List<Map<String, Object>> reviews = rest.getList("/process-instance?processDefinitionKey=sla-review&businessKey="
        + contract.number());
    assertThat(reviews).hasSize(1);
    Map<String, Object> review = reviews.get(0);
    List<Map<String, Object>> approvals = rest.as("manager").getList("/task?processInstanceId=" + review.get("id"));
    assertThat(approvals).extracting(t -> t.get("taskDefinitionKey")).containsExactly("approve-compensation");
    assertThat(rest.as("sales").getList("/task?processInstanceId=" + review.get("id"))).isEmpty();

    Map<String, Object> unknown = rest.as("legal").post("/process-definition/key/dispute-resolution/start",
        Map.of("variables", SigningRest.typed(Map.of("contractNumber", "BPO-2027-999999", "raisedBy", "MERCHANT",
            "disputeDescription", "三月服务费计算有误，要求重新核算"))), HttpStatus.BAD_REQUEST);
    assertThat((String) unknown.get("message")).contains("合同编号 BPO-2027-999999 不存在");
    Map<String, Object> dispute = rest.as("legal").post("/process-definition/key/dispute-resolution/start",
        Map.of("variables", SigningRest.typed(Map.of("contractNumber", contract.number(), "raisedBy", "MERCHANT",
            "disputeDescription", "三月服务费计算有误，要求重新核算"))), HttpStatus.OK);
    assertThat(rest.as("legal").getList("/task?processInstanceId=" + dispute.get("id")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly("negotiate-dispute");
  }

  /** The start form 登记解约通知 over REST, as Tasklist submits it. */
  Map<String, Object> registerNotice(String user, Map<String, Object> form, HttpStatus expected) {
    return rest.as(user).post("/process-definition/key/" + NoticeRegistrationProcess.KEY + "/submit-form",
        Map.of("variables", SigningRest.typed(form)), expected);
  }

  @Test
  void shouldLetLegalRegisterAWrittenNoticeInTasklistAndMailTheProvidersOwnToTheNoticeAddress() {
    SigningRest.Started notLive = rest.start(request());
    SigningRest.Started contract = goLiveOn("2027-03-01");
    clock(LocalDate.of(2027, 3, 10), 15);
    String startable = "/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true";
    assertThat(rest.as("legal").getList(startable)).extracting(d -> d.get("key"))
        .contains(NoticeRegistrationProcess.KEY);
    assertThat(rest.as("manager").getList(startable)).extracting(d -> d.get("key"))
        .contains(NoticeRegistrationProcess.KEY);
    assertThat(rest.as("sales").getList(startable)).extracting(d -> d.get("key"))
        .doesNotContain(NoticeRegistrationProcess.KEY);
    Map<String, Object> form = new HashMap<>(notice("2027-03-10"));
    form.put("contractNumber", contract.number());
    form.put(NOTICE_PARTY, "PROVIDER");
    form.put(NOTICE_DELIVERY, "EMAIL");
    form.put(TERMINATION_WITH_CAUSE, false);

    // the other teams may not (403); bad notices are refused in zh-CN (400) and leave nothing behind
    for (String team : java.util.List.of("sales", "finance", "onboarding")) {
      assertThat(anonymous.withBasicAuth(team, "demo").postForEntity("/engine-rest/process-definition/key/"
          + NoticeRegistrationProcess.KEY + "/submit-form", Map.of("variables", SigningRest.typed(form)), String.class)
          .getStatusCode().value()).as(team).isEqualTo(403);
    }
    Map<String, Object> unknown = new HashMap<>(form);
    unknown.put("contractNumber", "BPO-2027-999999");
    assertThat((String) registerNotice("legal", unknown, HttpStatus.BAD_REQUEST).get("message"))
        .contains("合同编号 BPO-2027-999999 不存在");
    Map<String, Object> tomorrow = new HashMap<>(form);
    tomorrow.put(NOTICE_RECEIVED_DATE, "2027-03-11");
    assertThat(registerNotice("legal", tomorrow, HttpStatus.BAD_REQUEST).toString())
        .contains("「通知送达日期（noticeReceivedDate）」不能晚于今天");
    Map<String, Object> early = new HashMap<>(form);
    early.put("contractNumber", notLive.number());
    assertThat((String) registerNotice("legal", early, HttpStatus.BAD_REQUEST).get("message"))
        .contains("合同 " + notLive.number() + " 不在服务期内");
    Map<String, Object> smuggled = new HashMap<>(form);
    smuggled.put(ContractSigningProcess.Vars.CONTRACT_ID, 1);
    assertThat(registerNotice("legal", smuggled, HttpStatus.BAD_REQUEST).toString())
        .contains("「contractId」不是发起表单中的字段");
    assertThat(rest.getList("/history/process-instance?processDefinitionKey=" + NoticeRegistrationProcess.KEY))
        .isEmpty();
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM termination_notice WHERE contract_id = :id").param("id", id)
        .query(Integer.class).single()).isZero();

    Map<String, Object> registered = registerNotice("legal", form, HttpStatus.OK);

    assertThat(rest.get("/history/process-instance/" + registered.get("id")))
        .containsEntry("businessKey", contract.number()).containsEntry("startUserId", "legal")
        .containsEntry("state", "COMPLETED");
    String term = (String) rest.getList("/process-instance?processDefinitionKey=contract-term&businessKey="
        + contract.number()).get(0).get("id");
    assertThat(rest.getList("/history/variable-instance?processInstanceId=" + term + "&variableName="
        + LAST_SERVICE_DAY).get(0).get("value")).isEqualTo("2027-04-09");
    assertThat(contracts.get(id).statusValue()).isEqualTo(ContractStatus.TERMINATING);
    Map<String, Object> mail = jdbc.sql("SELECT recipient, subject, body_text FROM mail_outbox"
        + " WHERE contract_number = :number AND template = 'PROVIDER_NOTICE'").param("number", contract.number())
        .query().singleRow();
    // to the contract's notice e-mail, not the contact's
    assertThat(mail.get("RECIPIENT")).isEqualTo("legal@xiaoxiang.example.com");
    assertThat((String) mail.get("SUBJECT")).endsWith("解约通知：服务至 2027年4月9日 结束");
    assertThat((String) mail.get("BODY_TEXT")).contains("我方已向贵司发出书面解约通知", "最后服务日：2027年4月9日");
  }

  /** A paper contract with a 20,000.00 early-termination penalty, live on the given day (no trial). */
  SigningRest.Started goLiveOn(String day) {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, "draft-proposal", proposal("5000.00"));
    rest.complete(contract, "confirm-proposal", proposalAnswer("ACCEPTED"));
    Map<String, Object> draft = new HashMap<>(contractDraft("PAPER", "5000.00"));
    draft.put(ContractSigningProcess.Vars.EARLY_TERMINATION_PENALTY, "20000.00");
    draft.put(ContractSigningProcess.Vars.TRIAL_DAYS, 0);
    rest.complete(contract, "draft-contract", draft);
    rest.complete(contract, "review-clauses", clauseReview(true));
    rest.signOnPaper(contract);
    // the sealed original archived with its scan (#17), as legal does on the upload page and in Tasklist
    String scanSha256 = originals.store(contracts.findByNumber(contract.number()).orElseThrow().id(),
        "%PDF-1.7 盖章原件扫描件".getBytes(java.nio.charset.StandardCharsets.UTF_8), "legal").sha256();
    runtime.setVariable(contract.processInstanceId(), ContractSigningProcess.Vars.ORIGINAL_SCAN_SHA256, scanSha256);
    rest.complete(contract, "archive-contract-original", vars(ContractSigningProcess.Vars.ARCHIVE_LOCATION,
        "法务部档案柜 B-3"));
    rest.correlate("DepositReceived", contract, payment("5000.00", "PAY-TERM-1"));
    rest.complete(contract, "conduct-training", training());
    rest.complete(contract, "assess-training", assessment(true));
    rest.complete(contract, "authorize-subaccounts", subaccounts());
    rest.complete(contract, "configure-cs-software", software());
    rest.complete(contract, "approve-go-live", vars(ContractSigningProcess.Vars.GO_LIVE_DATE, day,
        ContractSigningProcess.Vars.GO_LIVE_APPROVED, true));
    return contract;
  }
}
