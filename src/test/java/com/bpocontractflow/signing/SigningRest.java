package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.team.DemoUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives contract-signing through the engine's REST API (the public interface) as the demo users would:
 * sales starts, each task is completed by a user of its team, the payment and e-signature systems report
 * through the integration endpoints with an API key, and queries run as {@code manager} unless another
 * user is chosen with {@link #as(String)}.
 */
public class SigningRest {

  /** The demo user of the team each task is offered to. */
  static final Map<String, String> WORKER = Map.ofEntries(
      Map.entry("draft-proposal", "sales"), Map.entry("confirm-proposal", "sales"),
      Map.entry("draft-contract", "legal"), Map.entry("review-clauses", "legal"), Map.entry("revise-clauses", "legal"),
      Map.entry("seal-contract", "legal"), Map.entry("courier-contract", "legal"),
      Map.entry("receive-countersigned-contract", "legal"), Map.entry("archive-contract-original", "legal"),
      Map.entry("confirm-deposit", "finance"),
      Map.entry("conduct-training", "onboarding"), Map.entry("assess-training", "onboarding"),
      Map.entry("authorize-subaccounts", "onboarding"), Map.entry("configure-cs-software", "onboarding"),
      Map.entry("review-trial", "sales"), Map.entry("negotiate-renewal", "sales"),
      Map.entry("final-settlement", "finance"), Map.entry("return-or-delete-data", "onboarding"),
      Map.entry("revoke-merchant-access", "onboarding"));

  private final TestRestTemplate anonymous;
  private final TestRestTemplate rest;

  public SigningRest(TestRestTemplate anonymous) {
    this(anonymous, "manager");
  }

  private SigningRest(TestRestTemplate anonymous, String user) {
    this(anonymous, anonymous.withBasicAuth(user, "demo"), false);
  }

  private SigningRest(TestRestTemplate anonymous, TestRestTemplate rest, boolean singleUser, String integrationKey) {
    this.anonymous = anonymous;
    this.rest = rest;
    this.singleUser = singleUser;
    this.integrationKey = integrationKey;
  }

  private SigningRest(TestRestTemplate anonymous, TestRestTemplate rest, boolean singleUser) {
    this(anonymous, rest, singleUser, DemoUsers.DEMO_INTEGRATION_KEY);
  }

  private final boolean singleUser;
  private final String integrationKey;

  /** Every call as the one user the given client authenticates (an administrator outside the demo profile). */
  public static SigningRest singleUser(TestRestTemplate authenticated, String integrationKey) {
    return new SigningRest(authenticated, authenticated, true, integrationKey);
  }

  /** Whether the application under test runs its job executor (most tests turn it off and run jobs themselves). */
  private boolean jobExecutor;

  /** Against an application whose job executor runs the jobs: waits for them instead of running them. */
  public SigningRest withJobExecutor() {
    this.jobExecutor = true;
    return this;
  }

  /** The same calls as another demo user. */
  public SigningRest as(String user) {
    return singleUser ? this : new SigningRest(anonymous, user);
  }

  /** The demo user who works a task (managers work the rest). */
  public static String workerOf(String taskKey) {
    return WORKER.getOrDefault(taskKey, "manager");
  }

  /** A started contract: its process instance and contract number. */
  public record Started(String processInstanceId, String number) {
  }

  public Started start(Map<String, Object> variables) {
    Map<String, Object> started = as("sales").post("/process-definition/key/contract-signing/start",
        Map.of("variables", typed(variables)), HttpStatus.OK);
    return new Started((String) started.get("id"), (String) started.get("businessKey"));
  }

  public void complete(Started contract, String taskKey, Map<String, Object> variables) {
    as(workerOf(taskKey)).post("/task/" + taskId(contract, taskKey) + "/complete", Map.of("variables", typed(variables)), HttpStatus.NO_CONTENT);
    startReviewRound(contract);
    makeSignedCopy(contract);
    confirmDataDisposal(contract);
  }

  /**
   * A review round (the next document version and the merchant's e-mail) starts in a job after the request
   * that led to it; the tests run without the job executor, so an administrator runs that job if it waits.
   */
  public void startReviewRound(Started contract) {
    runContinuation(contract, ContractSigningProcess.Elements.SEND_CONTRACT_FOR_REVIEW, "the review round's job");
  }

  /** The final signed copy (and its e-mail) is made in a job after the second signature: runs it if it waits. */
  public void makeSignedCopy(Started contract) {
    runContinuation(contract, ContractSigningProcess.Elements.MAKE_SIGNED_COPY, "the signed copy's job");
  }

  /**
   * At the end of the service (contract-term), the data disposal (its deletion certificate and e-mail) is
   * confirmed in a job after the completion that joined last: runs it if it waits.
   */
  public void confirmDataDisposal(Started term) {
    runContinuation(term, com.bpocontractflow.term.ServiceTermProcess.Elements.CONFIRM_DATA_DISPOSAL,
        "the data disposal's job");
  }

  private void runContinuation(Started contract, String activityId, String what) {
    String jobs = "/job?processInstanceId=" + contract.processInstanceId() + "&activityId=" + activityId;
    if (jobExecutor) {
      org.awaitility.Awaitility.await(what + " of " + contract.number())
          .atMost(java.time.Duration.ofSeconds(60)).until(() -> as("admin").getList(jobs).isEmpty());
      return;
    }
    for (Map<String, Object> job : as("admin").getList(jobs)) {
      as("admin").post("/job/" + job.get("id") + "/execute", Map.of(), HttpStatus.NO_CONTENT);
    }
  }

  /** Proposal accepted, contract drafted for the method and deposit, all clauses agreed. */
  public void agreeOnContract(Started contract, String signingMethod, String deposit) {
    complete(contract, "draft-proposal", SigningTestData.proposal(deposit));
    if (taskKeys(contract).contains("approve-proposal")) { // e.g. no deposit: a manager approves first
      complete(contract, "approve-proposal", SigningTestData.approval(true));
    }
    complete(contract, "confirm-proposal", SigningTestData.proposalAnswer("ACCEPTED"));
    complete(contract, "draft-contract", SigningTestData.contractDraft(signingMethod, deposit));
    complete(contract, "review-clauses", SigningTestData.clauseReview(true));
  }

  /** Our seal, the courier, the countersigned copy received: a paper contract is signed. */
  public void signOnPaper(Started contract) {
    complete(contract, "seal-contract", SigningTestData.seal());
    complete(contract, "courier-contract", SigningTestData.courier());
    complete(contract, "receive-countersigned-contract", SigningTestData.countersignedCopyReceived());
  }

  /** Training passed, integration done, go-live approved. */
  public void onboardAndGoLive(Started contract) {
    complete(contract, "conduct-training", SigningTestData.training());
    complete(contract, "assess-training", SigningTestData.assessment(true));
    complete(contract, "authorize-subaccounts", SigningTestData.subaccounts());
    complete(contract, "configure-cs-software", SigningTestData.software());
    complete(contract, "approve-go-live", SigningTestData.goLive());
  }

  /** The integration endpoint that delivers each public message. */
  static final Map<String, String> ENDPOINTS = Map.of("DepositReceived", "deposits", "MerchantSigned", "e-signatures",
      "TerminationNoticeReceived", "termination-notices");

  /** A system reports the message for the contract through its integration endpoint (200 expected). */
  public void correlate(String message, Started contract, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>(variables);
    body.put("contractNumber", contract.number());
    report(ENDPOINTS.get(message), body, HttpStatus.OK);
  }

  /** {@code POST /api/integrations/<endpoint>} with the API key; returns the JSON answer. */
  public Map<String, Object> report(String endpoint, Map<String, Object> body, HttpStatus expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(integrationKey);
    ResponseEntity<Map<String, Object>> response = anonymous.exchange(
        "/api/integrations/" + endpoint, HttpMethod.POST, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {
        });
    assertThat(response.getStatusCode()).as("POST /api/integrations/%s: %s", endpoint, response.getBody())
        .isEqualTo(expected);
    return response.getBody();
  }

  public String taskId(Started contract, String taskKey) {
    List<Map<String, Object>> tasks = getList("/task?processInstanceId=" + contract.processInstanceId()
        + "&taskDefinitionKey=" + taskKey);
    assertThat(tasks).as("open task %s", taskKey).hasSize(1);
    assertThat((String) tasks.get(0).get("description")).startsWith("合同编号 " + contract.number());
    return (String) tasks.get(0).get("id");
  }

  public List<String> taskKeys(Started contract) {
    return getList("/task?processInstanceId=" + contract.processInstanceId()).stream()
        .map(t -> (String) t.get("taskDefinitionKey")).toList();
  }

  /** The latest value of a process variable (from history, so it works after the end too). */
  public Object variable(Started contract, String name) {
    List<Map<String, Object>> values = getList("/history/variable-instance?processInstanceId="
        + contract.processInstanceId() + "&variableName=" + name);
    assertThat(values).as("variable %s", name).hasSize(1);
    return values.get(0).get("value");
  }

  public boolean wentLive(Started contract) {
    return getList("/history/activity-instance?processInstanceId=" + contract.processInstanceId()
        + "&activityId=" + ContractSigningProcess.Elements.SERVICE_TERM).size() == 1;
  }

  /** Variables as the REST API takes them: {"name": {"value": ...}} (types inferred by the engine). */
  public static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new HashMap<>();
    variables.forEach((name, value) -> {
      if (value != null) {
        typed.put(name, Map.of("value", value));
      }
    });
    return typed;
  }

  public Map<String, Object> post(String path, Object body, HttpStatus expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> response = rest.exchange("/engine-rest" + path, HttpMethod.POST,
        new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
        });
    assertThat(response.getStatusCode()).as("POST %s: %s", path, response.getBody()).isEqualTo(expected);
    return response.getBody();
  }

  public Map<String, Object> get(String path) {
    ResponseEntity<Map<String, Object>> response = rest.exchange("/engine-rest" + path, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {
        });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  public List<Map<String, Object>> getList(String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/engine-rest" + path, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {
        });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The parts of a received e-mail by content type (text/plain, text/html), decoded. */
  public static Map<String, String> parts(jakarta.mail.internet.MimeMessage message) throws Exception {
    Map<String, String> parts = new HashMap<>();
    collect(message.getContent(), parts);
    return parts;
  }

  private static void collect(Object content, Map<String, String> parts) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        if (part.getContent() instanceof jakarta.mail.Multipart nested) {
          collect(nested, parts);
        } else {
          parts.put(part.getContentType().split(";")[0].trim().toLowerCase(), (String) part.getContent());
        }
      }
    }
  }
}
