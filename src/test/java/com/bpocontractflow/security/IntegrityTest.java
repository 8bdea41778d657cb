package com.bpocontractflow.security;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.signing.SigningRest;
import com.bpocontractflow.team.DemoUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nobody can skip, bend or forge a step (issue #10): each attack the review found, tried again over HTTP
 * against the real application, and refused by the engine's authorizations and the application's rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:integrity-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
@SuppressWarnings("unchecked")
class IntegrityTest {

  static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+(/m/[A-Za-z0-9_-]{43})");

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  ContractRepository contracts;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;
  @Autowired
  MailOutbox outbox;
  @Autowired
  JdbcClient jdbc;

  SigningRest rest;

  @BeforeEach
  void client() {
    rest = new SigningRest(anonymous);
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.withBasicAuth(user, "demo")
        .exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
  }

  int status(String user, HttpMethod method, String path, Object body) {
    return call(user, method, path, body).getStatusCode().value();
  }

  SigningRest.Started waitingForDeposit() {
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
    return contract;
  }

  long depositPayments(SigningRest.Started contract) {
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    return jdbc.sql("SELECT COUNT(*) FROM deposit_payment WHERE contract_id = :id").param("id", id)
        .query(Long.class).single();
  }

  // ---------------------------------------------------------------- 1. systems: endpoints only

  @Test
  void shouldGiveSystemsTheirEndpointsAndNoEngineRights() {
    SigningRest.Started contract = waitingForDeposit();
    String instance = "/process-instance/" + contract.processInstanceId();

    // the former REST user of the systems is gone, and an API key is no engine credential
    assertThat(status("payments", HttpMethod.GET, instance, null)).isEqualTo(401);
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(DemoUsers.DEMO_INTEGRATION_KEY);
    assertThat(anonymous.exchange("/engine-rest" + instance, HttpMethod.GET, new HttpEntity<>(bearer), String.class)
        .getStatusCode().value()).isEqualTo(401);
    for (String group : List.of("integrations", "merchant-links")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = :g").param("g", group)
          .query(Long.class).single()).as("grants of %s", group).isZero();
    }

    // no key, a wrong key: 401 in zh-CN, nothing recorded
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> body = new HashMap<>(payment("5000.00", "PAY-OK"));
    body.put("contractNumber", contract.number());
    ResponseEntity<String> noKey = anonymous.exchange("/api/integrations/deposits", HttpMethod.POST,
        new HttpEntity<>(body, json), String.class);
    assertThat(noKey.getStatusCode().value()).isEqualTo(401);
    assertThat(noKey.getBody()).contains("缺少或无效的 API 密钥");
    json.setBearerAuth("a-guessed-key-that-is-long-enough");
    assertThat(anonymous.exchange("/api/integrations/deposits", HttpMethod.POST, new HttpEntity<>(body, json),
        String.class).getStatusCode().value()).isEqualTo(401);

    // a field that is not the report's (here: pointing the payment at another contract) is refused
    Map<String, Object> forged = new HashMap<>(body);
    forged.put("contractId", 1);
    assertThat((List<Object>) rest.report("deposits", forged, HttpStatus.BAD_REQUEST).get("problems"))
        .containsExactly("「contractId」不是此接口的字段（可用字段：depositReceivedAmount、paymentReference）");
    Map<String, Object> unknown = new HashMap<>(body);
    unknown.put("contractNumber", "BPO-2099-999999");
    assertThat(rest.report("deposits", unknown, HttpStatus.NOT_FOUND).get("message"))
        .isEqualTo("合同编号 BPO-2099-999999 不存在");
    assertThat(depositPayments(contract)).isZero();

    rest.report("deposits", body, HttpStatus.OK);
    assertThat(depositPayments(contract)).isEqualTo(1);
    assertThat(rest.taskKeys(contract)).contains(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);
  }

  // ---------------------------------------------------------------- 2. teams: forms only, no hand-over

  @Test
  void shouldNotLetATeamWriteVariablesOutsideItsFormOrHandItsTaskOver() {
    SigningRest.Started other = rest.start(request());
    SigningRest.Started contract = rest.start(request());
    String task = rest.taskId(contract, DRAFT_PROPOSAL);
    long otherId = contracts.findByNumber(other.number()).orElseThrow().id();
    long ownId = contracts.findByNumber(contract.number()).orElseThrow().id();

    assertThat(status("sales", HttpMethod.POST, "/task/" + task + "/variables",
        Map.of("modifications", Map.of("contractId", Map.of("value", otherId))))).isEqualTo(403);
    assertThat(status("sales", HttpMethod.PUT, "/task/" + task + "/variables/goLiveApproved",
        Map.of("value", true))).isEqualTo(403);
    assertThat(status("sales", HttpMethod.POST, "/process-instance/" + contract.processInstanceId() + "/variables",
        Map.of("modifications", Map.of("depositPaidInFull", Map.of("value", true))))).isEqualTo(403);

    // a completion may carry only the form's fields
    Map<String, Object> proposal = proposal("5000.00");
    proposal.put("contractId", otherId);
    ResponseEntity<String> smuggled = call("sales", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(proposal)));
    assertThat(smuggled.getStatusCode().value()).isEqualTo(400);
    assertThat(smuggled.getBody()).contains("「contractId」不是此任务表单中的字段，不能提交");
    assertThat(rest.taskKeys(contract)).containsExactly(DRAFT_PROPOSAL);
    assertThat(runtimeService.getVariable(contract.processInstanceId(), "contractId")).isEqualTo(ownId);

    // read-only fields go back only unchanged
    Map<String, Object> renumbered = proposal("5000.00");
    renumbered.put("contractNumber", other.number());
    assertThat(call("sales", HttpMethod.POST, "/task/" + task + "/submit-form",
        Map.of("variables", SigningRest.typed(renumbered))).getBody())
        .contains("「contractNumber」在此任务中只能查看，不能修改");

    // a start may carry only the start form's fields
    Map<String, Object> start = request();
    start.put("depositPaidInFull", true);
    ResponseEntity<String> forgedStart = call("sales", HttpMethod.POST,
        "/process-definition/key/contract-signing/start", Map.of("variables", SigningRest.typed(start)));
    assertThat(forgedStart.getStatusCode().value()).isEqualTo(400);
    assertThat(forgedStart.getBody()).contains("「depositPaidInFull」不是发起表单中的字段，不能提交");

    // no hand-over: claiming for someone else, or assigning, is refused; claiming for oneself works
    ResponseEntity<String> handOver = call("sales", HttpMethod.POST, "/task/" + task + "/claim",
        Map.of("userId", "finance"));
    assertThat(handOver.getStatusCode().value()).isEqualTo(400);
    assertThat(handOver.getBody()).contains("只能由本人领取任务");
    assertThat(status("sales", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "finance")))
        .isEqualTo(403);
    assertThat(status("finance", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(proposal("5000.00"))))).isEqualTo(403);
    assertThat(status("sales", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "sales"))).isEqualTo(204);

    // the proper completion still works
    assertThat(status("sales", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(proposal("5000.00"))))).isEqualTo(204);
    assertThat(rest.taskKeys(contract)).containsExactly(CONFIRM_PROPOSAL);
  }

  /** Grouped forms (issue #15): the fields inside draft-contract's groups are the form's fields, no more. */
  @Test
  void shouldAcceptTheFieldsInsideAFormsGroupsAndKeepTheirReadOnlyFieldsAndTheRestOut() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    String task = rest.taskId(contract, DRAFT_CONTRACT);
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    // from the decisions group, the parties group and the groups of the first and sixth articles
    draft.put("slaOnTimeTargetPercent", "95");
    draft.put("negotiationChannel", "双方指定联系人以电子邮件书面协商");

    Map<String, Object> smuggled = new HashMap<>(draft);
    smuggled.put("depositRequired", false);
    assertThat(call("legal", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(smuggled))).getBody())
        .contains("「depositRequired」不是此任务表单中的字段，不能提交");
    Map<String, Object> rewritten = new HashMap<>(draft);
    rewritten.put("clauseDeviationSummary", "与标准模板一致（已核对）");
    assertThat(call("legal", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(rewritten))).getBody())
        .contains("「clauseDeviationSummary」在此任务中只能查看，不能修改");
    assertThat(rest.taskKeys(contract)).containsExactly(DRAFT_CONTRACT);

    Map<String, Object> unchanged = new HashMap<>(draft);
    unchanged.put("clauseDeviationSummary", "与标准模板一致");
    assertThat(status("legal", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(unchanged)))).isEqualTo(204);
    rest.startReviewRound(contract);
    assertThat(rest.taskKeys(contract)).containsExactly(REVIEW_CLAUSES);
  }

  @Test
  void shouldNeverActOnAnotherContractThanTheOneTheBusinessKeyNames() {
    SigningRest.Started victim = rest.start(request());
    SigningRest.Started contract = rest.start(request());
    long victimId = contracts.findByNumber(victim.number()).orElseThrow().id();
    int victimMails = outbox.findByContract(victim.number()).size();
    // however the variable came to point elsewhere (here: set directly in the engine), no step follows it
    runtimeService.setVariable(contract.processInstanceId(), "contractId", victimId);
    ResponseEntity<String> completion = call("sales", HttpMethod.POST, "/task/" + rest.taskId(contract, DRAFT_PROPOSAL)
        + "/complete", Map.of("variables", SigningRest.typed(proposal("5000.00"))));
    assertThat(completion.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(outbox.findByContract(victim.number())).hasSize(victimMails);
    assertThat(rest.taskKeys(contract)).containsExactly(DRAFT_PROPOSAL);
  }

  // ---------------------------------------------------------------- 3. managers: watch and work, not rewrite

  @Test
  void shouldLetManagersWatchAndWorkButNotModifyOrDelete() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    String instance = "/process-instance/" + contract.processInstanceId();
    assertThat(status("manager", HttpMethod.GET, instance, null)).isEqualTo(200);
    assertThat(status("manager", HttpMethod.GET, instance + "/variables", null)).isEqualTo(200);

    assertThat(status("manager", HttpMethod.POST, instance + "/modification", Map.of("skipCustomListeners", true,
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Gateway_StartOnboarding"))))).isEqualTo(403);
    assertThat(status("manager", HttpMethod.POST, instance + "/variables",
        Map.of("modifications", Map.of("goLiveApproved", Map.of("value", true))))).isEqualTo(403);
    assertThat(status("manager", HttpMethod.PUT, instance + "/suspended", Map.of("suspended", true))).isEqualTo(403);
    assertThat(status("manager", HttpMethod.DELETE, instance, null)).isEqualTo(403);
    List<Map<String, Object>> jobs = rest.getList("/job?processInstanceId=" + contract.processInstanceId());
    assertThat(jobs).isNotEmpty();
    String job = (String) jobs.get(0).get("id");
    assertThat(status("manager", HttpMethod.POST, "/job/" + job + "/execute", null)).isEqualTo(403);
    assertThat(status("manager", HttpMethod.PUT, "/job/" + job + "/duedate", new java.util.HashMap<>(java.util.Collections.singletonMap("duedate", null))))
        .isEqualTo(403);
    assertThat(status("admin", HttpMethod.GET, instance, null)).isEqualTo(200);

    // managers may give a task to its own team (or to a manager), not to another team
    String task = rest.taskId(contract, CONFIRM_PROPOSAL);
    ResponseEntity<String> wrongTeam = call("manager", HttpMethod.POST, "/task/" + task + "/assignee",
        Map.of("userId", "finance"));
    assertThat(wrongTeam.getStatusCode().value()).isEqualTo(400);
    assertThat(wrongTeam.getBody()).contains("用户 finance 不属于处理此任务的团队");
    assertThat(status("manager", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "sales")))
        .isEqualTo(204);
    assertThat(status("sales", HttpMethod.POST, "/task/" + task + "/complete",
        Map.of("variables", SigningRest.typed(proposalAnswer("ACCEPTED"))))).isEqualTo(204);
  }

  // ---------------------------------------------------------------- 4. staff pages and merchant links

  @Test
  void shouldKeepStaffPagesForStaffAndRecordAStaffMemberWhoUsesAMerchantLink() throws Exception {
    String outsider = "auditor" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(outsider);
    user.setPassword("demo");
    identityService.saveUser(user);
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));

    ResponseEntity<String> outboxAsOutsider = anonymous.withBasicAuth(outsider, "demo")
        .getForEntity("/staff/outbox", String.class);
    assertThat(outboxAsOutsider.getStatusCode().value()).isEqualTo(403);
    assertThat(outboxAsOutsider.getBody()).contains("只有服务方员工");
    assertThat(anonymous.withBasicAuth(outsider, "demo").getForEntity("/staff/contracts/" + contract.number()
        + "/documents", String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(anonymous.withBasicAuth("finance", "demo").getForEntity("/staff/outbox", String.class)
        .getStatusCode().value()).isEqualTo(200);

    // sales, logged in to Tasklist, answers the proposal through the merchant's link: recorded as sales
    OutboxMail mail = outbox.findRecent(500).stream().filter(m -> m.contractNumber().equals(contract.number())
        && m.template().equals("PROPOSAL")).findFirst().orElseThrow();
    Matcher link = LINK.matcher(mail.bodyHtml());
    assertThat(link.find()).isTrue();
    HttpClient browser = WebAppSession.login(base(), "sales", "demo").browser();
    HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(URI.create(base() + link.group(1)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("decision=ACCEPTED")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(rest.variable(contract, "answeredBy")).isEqualTo("员工 sales 通过商家链接代为提交（商家：" + request().get(
        "merchantName") + "）");
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(contract.processInstanceId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId).contains("sales").doesNotContain("merchant");
  }

  // ---------------------------------------------------------------- 7. one message, one contract

  @Test
  void shouldRefuseAPublicMessageForAllContractsOrForNoContractEvenForTheAdministrator() {
    SigningRest.Started contract = waitingForDeposit();
    Map<String, Object> variables = SigningRest.typed(payment("10.00", "PAY-ALL"));
    ResponseEntity<String> all = call("admin", HttpMethod.POST, "/message",
        Map.of("messageName", "DepositReceived", "all", true, "processVariables", variables));
    assertThat(all.getStatusCode().value()).isEqualTo(400);
    assertThat(all.getBody()).contains("消息「DepositReceived」必须指明一份合同");
    assertThat(status("admin", HttpMethod.POST, "/message",
        Map.of("messageName", "DepositReceived", "processVariables", variables))).isEqualTo(400);
    assertThat(status("admin", HttpMethod.POST, "/message", Map.of("messageName", "DepositReceived", "all", true,
        "businessKey", contract.number(), "processVariables", variables))).isEqualTo(400);
    assertThat(depositPayments(contract)).isZero();
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
  }

  // ---------------------------------------------------------------- 8. validation holes, over HTTP

  @Test
  void shouldRefuseTheInputThatSlippedThroughBeforeOverRestAndChangeNothing() {
    // a merchant name of zero-width spaces starts nothing
    Map<String, Object> invisible = request();
    invisible.put("merchantName", "\u200B\u200B\u200B");
    ResponseEntity<String> start = call("sales", HttpMethod.POST, "/process-definition/key/contract-signing/start",
        Map.of("variables", SigningRest.typed(invisible)));
    assertThat(start.getStatusCode().value()).isEqualTo(400);
    assertThat(start.getBody()).contains("请填写「商家名称」");

    // fees left open, a late-payment rate of 99 % a day, a court that is not named: the draft is refused
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    Map<String, Object> draft = contractDraft("PAPER", "5000.00");
    draft.put("extraFees", "其他费用另议");
    draft.put("latePaymentRule", "每逾期一日，按应付未付金额的 99% 支付违约金");
    draft.put("disputeForum", "LITIGATION");
    draft.put("forumVenue", "人民法院");
    ResponseEntity<String> refused = call("legal", HttpMethod.POST, "/task/" + rest.taskId(contract, DRAFT_CONTRACT)
        + "/complete", Map.of("variables", SigningRest.typed(draft)));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("其他费用另议", "99%", "不能只写“人民法院”");
    assertThat(rest.taskKeys(contract)).containsExactly(DRAFT_CONTRACT);

    // markup as a payment reference, through the payment system's endpoint
    SigningRest.Started paying = waitingForDeposit();
    Map<String, Object> payment = new HashMap<>(payment("5000.00", "<img src=x onerror=alert(1)>"));
    payment.put("contractNumber", paying.number());
    assertThat((List<Object>) rest.report("deposits", payment, HttpStatus.BAD_REQUEST).get("problems"))
        .anySatisfy(problem -> assertThat((String) problem).contains("「付款流水号」只能包含字母、数字和 - _ / ."));
    assertThat(depositPayments(paying)).isZero();

    // a mostly blank text longer than its column is refused before the database sees it
    Map<String, Object> longScope = proposal("5000.00");
    longScope.put("serviceScope", "售前咨询" + " ".repeat(5000));
    SigningRest.Started another = rest.start(request());
    ResponseEntity<String> tooLong = call("sales", HttpMethod.POST, "/task/" + rest.taskId(another, DRAFT_PROPOSAL)
        + "/complete", Map.of("variables", SigningRest.typed(longScope)));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLong.getBody()).contains("不能超过");
  }

  // ---------------------------------------------------------------- 10. the open probes say only UP

  @Test
  void shouldAnswerTheOpenProbesWithTheStatusOnly() {
    for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
      ResponseEntity<String> answer = anonymous.getForEntity(probe, String.class);
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      assertThat(answer.getBody()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  // ---------------------------------------------------------------- helpers

  String base() {
    return "http://localhost:" + port;
  }
}
