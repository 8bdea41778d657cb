package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.TestSmtp;
import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.deposit.DepositLedger;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.mail.OutboxSender;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives whole contracts from request to go-live through the public interface (the engine's REST API)
 * with the real application, and checks what a real SMTP server received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:signing-application-test;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class ContractSigningApplicationTest {

  /** One SMTP server per test class, on a port the system picks; the application is told which. */
  @RegisterExtension
  static TestSmtp smtp = new TestSmtp();

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", smtp::port);
  }

  @Autowired
  TestRestTemplate anonymous;
  SigningRest rest;

  @Autowired
  OutboxSender sender;
  @Autowired
  MailOutbox outbox;
  @Autowired
  ContractRepository contracts;
  @Autowired
  DepositLedger ledger;
  @Autowired
  com.bpocontractflow.contract.ClauseSets clauseSets;
  @Autowired
  com.bpocontractflow.document.ContractDocuments documents;
  @Autowired
  com.bpocontractflow.document.ContractSignatures signatures;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired
  IdentityService identityService;

  @org.springframework.boot.test.web.server.LocalServerPort
  int port;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  org.camunda.bpm.engine.ProcessEngine processEngine;

  @org.junit.jupiter.api.BeforeEach
  void authenticate() {
    rest = new SigningRest(anonymous);
  }

  @Test
  void shouldRefuseTheRestApiWithoutValidCredentials() {
    assertThat(anonymous.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a wrong password delays the account's next login (the engine's login delay): a user of this test only,
    // not a demo user the other tests log in as
    String user = "wrongpassword" + UUID.randomUUID().toString().substring(0, 8);
    User account = identityService.newUser(user);
    account.setPassword("the-right-password");
    identityService.saveUser(account);
    assertThat(anonymous.withBasicAuth(user, "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.postForEntity("/engine-rest/process-definition/key/contract-signing/start",
        Map.of("variables", SigningRest.typed(request())), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.withBasicAuth("sales", "demo").getForEntity("/engine-rest/process-definition", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** Tasklist's own API: submit a task's form with the logged-in user's session. */
  private static java.net.http.HttpResponse<String> submitForm(com.bpocontractflow.security.WebAppSession session,
      String base, String task, Map<String, Object> values) throws Exception {
    String body = new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(Map.of("variables", SigningRest.typed(values)));
    return session.browser().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/camunda/api/engine/engine/default/task/" + task + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.csrfToken())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldSubmitADraftInTasklistIntoTheTasksOwnVariablesAndLeaveNoClauseOnTheProcess() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    String pi = contract.processInstanceId();
    java.util.Set<String> draftOnly = new java.util.HashSet<>();
    ClauseRules.RULES.forEach(rule -> draftOnly.add(rule.key()));
    draftOnly.add(ContractSigningProcess.Vars.CLAUSE_DEVIATION_SUMMARY);
    draftOnly.add(ContractSigningProcess.Vars.FORUM_VENUE_CHOICES);
    draftOnly.removeAll(runtimeService.getVariables(pi).keySet()); // the proposal's terms stay its own
    String task = rest.taskId(contract, DRAFT_CONTRACT);
    String base = "http://localhost:" + port;
    com.bpocontractflow.security.WebAppSession session = com.bpocontractflow.security.WebAppSession.login(base, "legal", "demo");

    // Tasklist shows the prefilled clauses: the task's own variables
    java.net.http.HttpResponse<String> form = session.browser().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/camunda/api/engine/engine/default/task/" + task + "/form-variables")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    Map<String, Map<String, Object>> shown = new com.fasterxml.jackson.databind.ObjectMapper().readValue(form.body(),
        new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
    assertThat(shown.get(ContractSigningProcess.Vars.TERMINATION_NOTICE_DAYS)).containsEntry("value", 30);
    assertThat(shown.get(ContractSigningProcess.Vars.CLAUSE_DEVIATION_SUMMARY)).containsEntry("value", "与标准模板一致");
    assertThat(shown).containsKey(ContractSigningProcess.Vars.FORUM_VENUE_CHOICES);
    assertThat(runtimeService.getVariables(pi).keySet()).doesNotContainAnyElementsOf(draftOnly);

    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(ContractSigningProcess.Vars.DATA_RETURN_DAYS, 20);
    // the guards still accept exactly the form's fields, the read-only ones unchanged
    Map<String, Object> smuggled = new HashMap<>(draft);
    smuggled.put(ContractSigningProcess.Vars.DEPOSIT_REQUIRED, false);
    java.net.http.HttpResponse<String> refused = submitForm(session, base, task, smuggled);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("「depositRequired」不是此任务表单中的字段，不能提交");
    Map<String, Object> rewritten = new HashMap<>(draft);
    rewritten.put(ContractSigningProcess.Vars.CLAUSE_DEVIATION_SUMMARY, "与标准模板一致（已核对）");
    assertThat(submitForm(session, base, task, rewritten).body())
        .contains("「clauseDeviationSummary」在此任务中只能查看，不能修改");
    Map<String, Object> unchanged = new HashMap<>(draft);
    unchanged.put(ContractSigningProcess.Vars.CLAUSE_DEVIATION_SUMMARY, "与标准模板一致");
    java.net.http.HttpResponse<String> submitted = submitForm(session, base, task, unchanged);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    rest.startReviewRound(contract);
    assertThat(rest.taskKeys(contract)).containsExactly(REVIEW_CLAUSES);

    // the submission is what was recorded; the process holds no clause and never held one
    long contractId = contracts.findByNumber(contract.number()).orElseThrow().id();
    assertThat(clauseSets.latest(contractId).orElseThrow())
        .hasEntrySatisfying(ContractSigningProcess.Vars.DATA_RETURN_DAYS, days -> assertThat(days).hasToString("20"))
        .containsEntry(ContractSigningProcess.Vars.MERCHANT_LEGAL_NAME, "杭州小象电子商务有限公司");
    assertThat(runtimeService.getVariables(pi).keySet()).doesNotContainAnyElementsOf(draftOnly)
        .contains(ContractSigningProcess.Vars.DEPOSIT_REQUIRED);
    // the task's own copies of the clauses are not in the engine's history either (TaskCopiesHistory)
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableNameIn(draftOnly.toArray(String[]::new)).list()).isEmpty();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list())
        .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
        .isNotEmpty().doesNotContainAnyElementsOf(draftOnly);
  }

  @Test
  void shouldTakeAPaperContractFromRequestToGoLiveAndMailTheMerchantAtEachStage() throws Exception {
    SigningRest.Started contract = rest.start(request());
    String number = contract.number();
    assertThat(number).matches("BPO-\\d{4}-\\d{6}");

    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);

    // a short payment from the payment system is recorded and the wait goes on
    rest.correlate("DepositReceived", contract, payment("2000.00", "PAY-A1"));
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
    // the payment system repeats its message: counted once
    rest.correlate("DepositReceived", contract, payment("2000.00", "PAY-A1"));
    assertThat(ledger.totalPaid(contracts.findByNumber(number).orElseThrow().id())).isEqualByComparingTo("2000.00");
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
    rest.correlate("DepositReceived", contract, payment("3000.00", "PAY-A2"));

    rest.onboardAndGoLive(contract);

    // the signing waits for the service term it called
    assertThat(rest.get("/history/process-instance/" + contract.processInstanceId()).get("state"))
        .isEqualTo("ACTIVE");
    assertThat(rest.wentLive(contract)).isTrue();

    Contract record = contracts.findByNumber(number).orElseThrow();
    assertThat(record.statusValue()).isEqualTo(ContractStatus.LIVE);
    assertThat(record.trackingNumber()).isEqualTo("SF1234567890");
    assertThat(record.depositAmount()).isEqualByComparingTo("5000.00");
    assertThat(ledger.totalPaid(record.id())).isEqualByComparingTo(new BigDecimal("5000.00"));
    assertThat(record.processInstanceId()).isEqualTo(contract.processInstanceId());
    assertThat(clauseSets.versions(record.id())).isEqualTo(1);
    assertThat(clauseSets.latest(record.id()).orElseThrow()).containsEntry("forumVenue", "杭州仲裁委员会")
        .containsEntry("terminationNoticeDays", 30).containsEntry("noSubEntrusting", true);
    // the paper signatures as their own records, with the version both sealed
    var sealedVersion = documents.find(record.id(), 1).orElseThrow();
    assertThat(signatures.of(record.id())).hasSize(2).allSatisfy(s -> {
      assertThat(s.method()).isEqualTo(com.bpocontractflow.contract.SigningMethod.PAPER);
      assertThat(s.documentVersion()).isEqualTo(1);
      assertThat(s.documentSha256()).isEqualTo(sealedVersion.pdfSha256());
    });
    assertThat(signatures.of(record.id())).filteredOn(s -> s.party() == com.bpocontractflow.contract.Party.PROVIDER)
        .singleElement().satisfies(s -> assertThat(List.of(s.signer(), s.courierCompany(), s.trackingNumber()))
            .containsExactly("李法务", "顺丰速运", "SF1234567890"));
    // the merchant's seal (the contract is formed then) and, apart, the day its copy reached us
    // as submitted (SigningTestData.countersignedCopyReceived: sealed yesterday, arrived today) — China's
    // "today" of the submission, which may be yesterday by now if the test ran across midnight there
    LocalDate arrived = record.countersignedReceivedOn();
    assertThat(arrived).isBetween(Clocks.today().minusDays(1), Clocks.today());
    LocalDate merchantSealed = arrived.minusDays(1);
    assertThat(record.merchantSealedDate()).isEqualTo(merchantSealed);
    assertThat(signatures.of(record.id())).filteredOn(s -> s.party() == com.bpocontractflow.contract.Party.MERCHANT)
        .singleElement().satisfies(s -> {
          assertThat(s.signedOn()).isEqualTo(merchantSealed);
          assertThat(s.receivedOn()).isEqualTo(arrived);
        });
    assertThat(jdbc.sql("SELECT signed_on, received_on FROM contract_signature WHERE contract_id = :id AND party = 'MERCHANT'")
        .param("id", record.id()).query((rs, i) -> List.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
        .single()).containsExactly(merchantSealed, arrived);
    assertThat(signatures.signedVersion(record.id())).contains(1);

    // nothing reaches the SMTP server before the outbox sender runs
    assertThat(receivedFor(number)).isEmpty();
    while (sender.sendDue() > 0) {
      // deliver everything (other tests' contracts too)
    }

    List<MimeMessage> received = receivedFor(number);
    assertThat(received).hasSize(10);
    for (MimeMessage message : received) {
      assertThat(recipients(message)).containsExactly("ops@xiaoxiang.example.com");
      assertThat(message.getSubject()).startsWith("【合同编号 " + number + "】");
      assertThat(message.getMessageID()).endsWith("@bpo-contract-flow>");
      assertThat(parts(message)).containsKeys("text/plain", "text/html");
    }
    assertThat(received).extracting(MimeMessage::getSubject).containsExactly(
        "【合同编号 " + number + "】您的客服外包需求已收到",
        "【合同编号 " + number + "】客服外包服务方案与报价（第 1 版）",
        "【合同编号 " + number + "】请审阅客服外包合同（第 1 轮）",
        "【合同编号 " + number + "】合同签署说明（纸质合同）",
        "【合同编号 " + number + "】合同已寄出，快递单号 SF1234567890",
        "【合同编号 " + number + "】合同已签署：签署完成稿（第 1 版）",
        "【合同编号 " + number + "】履约保证金付款通知",
        "【合同编号 " + number + "】已收到部分履约保证金，尚欠 3,000.00 元",
        "【合同编号 " + number + "】上线准备清单：请准备并登记上线所需的资料和授权",
        "【合同编号 " + number + "】客服服务正式上线通知");

    assertThat(parts(received.get(0)).get("text/plain"))
        .contains("我们的销售顾问会在 1 个工作日内回复您，并根据贵司的服务范围、服务时间和座席需求编制服务方案与报价。");
    Map<String, String> proposal = parts(received.get(1));
    assertThat(proposal.get("text/plain")).contains("服务标准：首次响应不超过 5 分钟，客户满意度不低于 90%");
    assertThat(proposal.get("text/plain")).contains("王小明", "杭州小象旗舰店", "6,000.00 元", "5,000.00 元", "12 个月",
        "每日 8:00-24:00", "按咨询量计费");
    assertThat(proposal.get("text/html")).startsWith("<!DOCTYPE html>").contains(number, "售前咨询、订单核对、售后跟进、退款协商");
    assertThat(parts(received.get(3)).get("text/plain")).contains("我方先在两份纸质合同上加盖合同专用章");
    // the payee of the demo profile, the amount, the reference to quote, the due date: 7 days after the request
    String due = com.bpocontractflow.mail.MerchantMailer.day(LocalDate.parse(
        (String) rest.variable(contract, ContractSigningProcess.Vars.DEPOSIT_DUE_DATE)));
    String requestedAt = (String) rest.getList("/history/activity-instance?processInstanceId="
        + contract.processInstanceId() + "&activityId=ServiceTask_SendDepositRequest").get(0).get("startTime");
    LocalDate requestedOn = java.time.OffsetDateTime.parse(requestedAt,
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).atZoneSameInstant(Clocks.ZONE).toLocalDate();
    assertThat(LocalDate.parse((String) rest.variable(contract, ContractSigningProcess.Vars.DEPOSIT_DUE_DATE)))
        .isEqualTo(requestedOn.plusDays(7));
    String payment = "付款截止日期：" + due + "（含当日）\n"
        + "收款户名：星海客服外包服务有限公司\n"
        + "开户银行：演示银行杭州分行（演示数据，请勿付款）\n"
        + "收款账号：6200 0000 0000 0000 001\n"
        + "付款备注：合同编号 " + number + "（请务必填写，以便我方核对到账）\n";
    assertThat(text(received.get(5))).contains("合同原件以双方盖章的纸质合同为准", "/signed-contract.pdf");
    assertThat(text(received.get(6))).contains("请支付履约保证金 5,000.00 元。该履约保证金抵扣尾款。付款信息如下：\n\n"
        + "应付履约保证金：5,000.00 元\n" + payment).doesNotContain("定金");
    assertThat(text(received.get(7))).contains("累计 2,000.00 元", "尚欠 3,000.00 元",
        "请补足余款，付款信息如下：\n\n尚需支付：3,000.00 元\n" + payment);
    // the onboarding checklist once the deposit is paid in full: what is needed and the merchant's page
    assertThat(text(received.get(8))).contains("贵司的履约保证金已到账", "1. 商品资料：", "订单系统/CRM 账号",
        "千牛子账号授权", "登记上线准备清单：http").containsPattern("/m/[A-Za-z0-9_-]{43}/onboarding");
    assertThat(parts(received.get(8)).get("text/html")).contains("千牛子账号授权", "登记上线准备清单");
    assertThat(outbox.findByContract(number)).extracting(OutboxMail::status).containsOnly(OutboxMail.SENT);
  }

  /**
   * Issue #12: the reminder reads its number and deadline in one statement on the engine's connection, inside
   * the job's transaction (MerchantReminderDelegate.WaitState); here on this test's database (H2, and
   * PostgreSQL in ContractSigningPostgresTest), numbered 1 and 2 in the wait, with the escalation's deadline.
   */
  @Test
  void shouldNumberTheRemindersOfAWaitInTheirSubjects() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    org.camunda.bpm.engine.ManagementService management = processEngine.getManagementService();
    for (int i = 0; i < 2; i++) {
      management.executeJob(management.createJobQuery().processInstanceId(contract.processInstanceId())
          .activityId(WaitingFor.PROPOSAL_ANSWER.reminderTimerId()).singleResult().getId());
    }

    assertThat(outbox.findByContract(contract.number())).filteredOn(mail -> mail.template().equals("REMINDER"))
        .extracting(OutboxMail::subject).hasSize(2)
        .anySatisfy(subject -> assertThat(subject).contains("第 1 次提醒：对服务方案的答复"))
        .anySatisfy(subject -> assertThat(subject).contains("第 2 次提醒：对服务方案的答复"));
    java.util.Date escalationDue = management.createJobQuery().processInstanceId(contract.processInstanceId())
        .activityId(WaitingFor.PROPOSAL_ANSWER.escalationTimerId()).singleResult().getDuedate();
    String deadline = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")
        .format(escalationDue.toInstant().atZone(com.bpocontractflow.common.Clocks.ZONE));
    assertThat(outbox.findByContract(contract.number())).filteredOn(mail -> mail.template().equals("REMINDER"))
        .allSatisfy(mail -> assertThat(mail.bodyText()).contains("请在 " + deadline + " 前处理"));
  }

  @Test
  void shouldHoldAPriceLegalLoweredBelowTheFloorUntilManagersApproveIt() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put(ContractSigningProcess.Vars.UNIT_PRICE, "1.20");
    rest.complete(contract, DRAFT_CONTRACT, draft);

    // held before the merchant sees anything: no document, no e-mail
    assertThat(rest.taskKeys(contract)).containsExactly(APPROVE_CONTRACT_CHANGES);
    assertThat(rest.variable(contract, ContractSigningProcess.Vars.APPROVAL_REASON)).isEqualTo("单价低于价格底线");
    assertThat(rest.variable(contract, ContractSigningProcess.Vars.APPROVAL_CHANGES))
        .isEqualTo("【费用与支付方式】单价（元）：6000.00 → 1.20");
    assertThat(documents.versions(id)).isEmpty();
    assertThat(outbox.findByContract(contract.number())).extracting(OutboxMail::template)
        .doesNotContain("CONTRACT_FOR_REVIEW");
    assertThat(rest.as("manager").getList("/task?processInstanceId=" + contract.processInstanceId()
        + "&candidateGroup=managers&taskDefinitionKey=" + APPROVE_CONTRACT_CHANGES)).hasSize(1);

    // returned: legal revises; a revision that keeps the price is held again
    rest.complete(contract, APPROVE_CONTRACT_CHANGES, changesApproval(false));
    assertThat(rest.taskKeys(contract)).containsExactly(REVISE_CLAUSES);
    rest.complete(contract, REVISE_CLAUSES, revision());
    assertThat(rest.taskKeys(contract)).containsExactly(APPROVE_CONTRACT_CHANGES);

    // approved: round 1 goes to the merchant at the approved price
    rest.complete(contract, APPROVE_CONTRACT_CHANGES, changesApproval(true));
    assertThat(rest.taskKeys(contract)).containsExactly(REVIEW_CLAUSES);
    assertThat(documents.versions(id)).singleElement().satisfies(version ->
        assertThat(clauseSets.version(id, version.clauseSetVersion()).orElseThrow()).containsEntry("unitPrice", "1.20"));
    assertThat(outbox.findByContract(contract.number())).extracting(OutboxMail::template)
        .containsOnlyOnce("CONTRACT_FOR_REVIEW");

    // a later revision that changes nothing the approval depends on goes straight to the merchant
    rest.complete(contract, REVIEW_CLAUSES, clauseReview(false));
    Map<String, Object> venue = revision();
    venue.put(ContractSigningProcess.Vars.FORUM_VENUE, "上海仲裁委员会");
    rest.complete(contract, REVISE_CLAUSES, venue);
    assertThat(rest.taskKeys(contract)).containsExactly(REVIEW_CLAUSES);
    assertThat(documents.versions(id)).hasSize(2);
  }

  @Test
  void shouldCarryOnWithAContractThatWasInReviewBeforeDocumentsWereStored() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    rest.complete(contract, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    // as if round 1 had been sent before V6: no stored document, no recorded round
    jdbc.sql("DELETE FROM contract_document WHERE contract_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM review_round WHERE contract_id = :id").param("id", id).update();

    rest.complete(contract, REVIEW_CLAUSES, clauseReview(false));
    rest.complete(contract, REVISE_CLAUSES, revision());
    assertThat((String) rest.variable(contract, ContractSigningProcess.Vars.ROUND_CHANGES))
        .isEqualTo("第 2 轮审阅（第 1 轮的版本未存档，无法逐项比较）");
    rest.complete(contract, REVIEW_CLAUSES, clauseReview(true));
    rest.complete(contract, SEAL_CONTRACT, seal());

    assertThat(documents.versions(id)).extracting(v -> v.version()).containsExactly(2);
    assertThat(signatures.of(id)).singleElement().satisfies(s -> assertThat(s.documentVersion()).isEqualTo(2));
  }

  @Test
  void shouldRefuseBadInputOverRestWithAClearMessageAndChangeNothing() {
    Map<String, Object> badRequest = new HashMap<>(request());
    badRequest.put("merchantEmail", "王小明@");
    Map<String, Object> refused = rest.as("sales").post("/process-definition/key/contract-signing/start",
        Map.of("variables", SigningRest.typed(badRequest)), HttpStatus.BAD_REQUEST);
    assertThat((String) refused.get("message")).contains("「商家邮箱」不是有效的电子邮箱地址");

    SigningRest.Started started = rest.start(request());
    String taskId = rest.taskId(started, DRAFT_PROPOSAL);
    Map<String, Object> proposal = proposal("5000.00");
    proposal.put("unitPrice", "-1");
    Map<String, Object> refusedTask = rest.as("sales").post("/task/" + taskId + "/complete",
        Map.of("variables", SigningRest.typed(proposal)), HttpStatus.BAD_REQUEST);
    assertThat((String) refusedTask.get("message")).contains("「单价（元）」必须是 0.01 到 100000000 元之间的金额");
    assertThat(rest.taskKeys(started)).containsExactly(DRAFT_PROPOSAL);
    assertThat(rest.get("/task/" + taskId).get("id")).isEqualTo(taskId);

    // the contract is not waiting for a signature: the e-signature system is told so, nothing changes
    Map<String, Object> notWaiting = rest.report("e-signatures", Map.of("contractNumber", started.number(),
        "signerName", "王小明"), HttpStatus.CONFLICT);
    assertThat((String) notWaiting.get("message")).isEqualTo("合同 " + started.number() + " 当前没有在等待「商家电子签署」");
    assertThat(rest.taskKeys(started)).containsExactly(DRAFT_PROPOSAL);
  }

  // ---------------------------------------------------------------- mail helpers

  /**
   * The messages the SMTP server received for one contract, in the order received: those whose Message-ID
   * the outbox wrote for it (the other tests' contracts have their own e-mails).
   */
  List<MimeMessage> receivedFor(String contractNumber) throws Exception {
    List<String> written = outbox.findByContract(contractNumber).stream().map(OutboxMail::messageId).toList();
    List<MimeMessage> received = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (written.contains(message.getMessageID())) {
        received.add(message);
      }
    }
    return received;
  }

  static List<String> recipients(MimeMessage message) throws Exception {
    List<String> recipients = new ArrayList<>();
    for (Address address : message.getAllRecipients()) {
      recipients.add(address.toString());
    }
    return recipients;
  }

  /** The plain-text part of a message, with CR LF line ends read as LF. */
  static String text(MimeMessage message) throws Exception {
    return parts(message).get("text/plain").replace("\r\n", "\n");
  }

  /** The decoded text parts of a message by content type. */
  static Map<String, String> parts(MimeMessage message) throws Exception {
    return SigningRest.parts(message);
  }
}
