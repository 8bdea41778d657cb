package com.bpocontractflow.security;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.SigningRest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each team sees and works only its own tasks; managers see everything; only admins administer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:access-control-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class AccessControlTest {

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  List<ProcessAccess> declaredAccess;
  @Autowired
  RepositoryService repository;
  SigningRest rest;
  SigningRest.Started contract;
  String financeTask;

  @BeforeEach
  void contractWaitingForItsDeposit() {
    rest = new SigningRest(anonymous);
    contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);
    financeTask = rest.taskId(contract, CONFIRM_DEPOSIT);
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.withBasicAuth(user, "demo")
        .exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
  }

  /**
   * Every process the application deploys is declared by its feature ({@link ProcessAccess}): a process
   * without a declaration would have no grants at all, and its messages no guard.
   */
  @Test
  void shouldHaveAnAccessDeclarationForEveryDeployedProcess() {
    List<String> deployed = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList();
    assertThat(declaredAccess).extracting(ProcessAccess::processKey).containsExactlyInAnyOrderElementsOf(deployed);
    assertThat(declaredAccess).flatExtracting(access -> List.copyOf(access.singleContractMessages()))
        .containsExactlyInAnyOrder("DepositReceived", "MerchantSigned", "SigningWithdrawn", "TerminationNoticeReceived");
  }

  @Test
  void shouldNotLetSalesCompleteAFinanceTaskOrReadItsVariables() {
    ResponseEntity<String> complete = call("sales", HttpMethod.POST, "/task/" + financeTask + "/complete",
        Map.of("variables", SigningRest.typed(payment("5000.00", "PAY-SALES"))));
    assertThat(complete.getStatusCode().value()).isEqualTo(403);
    assertThat(call("sales", HttpMethod.GET, "/task/" + financeTask + "/variables", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call("sales", HttpMethod.GET, "/task/" + financeTask + "/form-variables", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
  }

  @Test
  void shouldShowEachTeamOnlyItsOwnTasks() {
    assertThat(call("sales", HttpMethod.GET, "/task?processInstanceId=" + contract.processInstanceId(), null).getBody())
        .isEqualTo("[]");
    // legal: only the paper original's archive (#17), not finance's deposit
    assertThat(call("legal", HttpMethod.GET, "/task?processInstanceId=" + contract.processInstanceId(), null).getBody())
        .contains("\"taskDefinitionKey\":\"" + ARCHIVE_CONTRACT_ORIGINAL + "\"").doesNotContain(financeTask);
    assertThat(call("finance", HttpMethod.GET, "/task?processInstanceId=" + contract.processInstanceId(), null).getBody())
        .contains(financeTask);
    assertThat(rest.as("manager").taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
    assertThat(call("finance", HttpMethod.GET, "/task/" + financeTask + "/variables/depositAmount", null)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void shouldLetOnlySalesStartContracts() {
    assertThat(call("legal", HttpMethod.POST, "/process-definition/key/contract-signing/start",
        Map.of("variables", SigningRest.typed(request()))).getStatusCode().value()).isEqualTo(403);
    assertThat(call("finance", HttpMethod.POST, "/process-definition/key/contract-signing/start",
        Map.of("variables", SigningRest.typed(request()))).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void shouldLetThePaymentSystemReportThroughItsEndpointOnly() {
    rest.correlate("DepositReceived", contract, payment("5000.00", "PAY-OK"));
    assertThat(rest.taskKeys(contract)).contains(CONDUCT_TRAINING, AUTHORIZE_SUBACCOUNTS, CONFIGURE_CS_SOFTWARE);
  }

  @Test
  void shouldLetOnlyAdminsAdminister() {
    Map<String, Object> user = Map.of("profile", Map.of("id", "intruder", "firstName", "X", "lastName", "Y",
        "email", "x@example.com"), "credentials", Map.of("password", "a-long-password-1"));
    for (String notAdmin : List.of("manager", "sales", "finance")) {
      assertThat(call(notAdmin, HttpMethod.POST, "/user/create", user).getStatusCode().value())
          .as("%s creates a user", notAdmin).isEqualTo(403);
      assertThat(call(notAdmin, HttpMethod.POST, "/authorization/create", Map.of("type", 1, "permissions",
          List.of("ALL"), "userId", notAdmin, "resourceType", 0, "resourceId", "*")).getStatusCode().value())
          .as("%s grants itself rights", notAdmin).isEqualTo(403);
    }
    assertThat(call("admin", HttpMethod.POST, "/user/create", user).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void shouldShowEachTeamTheContractNumberAndMerchantOnItsTaskCards() throws Exception {
    String filterId = (String) rest.as("finance").getList("/filter?resourceType=Task").stream()
        .filter(f -> "财务任务".equals(f.get("name"))).findFirst().orElseThrow().get("id");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> list = anonymous.withBasicAuth("finance", "demo").exchange(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50", HttpMethod.POST,
        new HttpEntity<>(Map.of(), headers), String.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode tasks = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(list.getBody()).path("_embedded").path("task");
    com.fasterxml.jackson.databind.JsonNode card = null;
    for (com.fasterxml.jackson.databind.JsonNode task : tasks) {
      if (financeTask.equals(task.path("id").asText())) {
        card = task;
      }
    }
    assertThat(card).as("the finance task in the finance filter").isNotNull();
    Map<String, String> shown = new java.util.HashMap<>();
    card.path("_embedded").path("variable").forEach(v -> shown.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(shown).containsEntry("contractNumber", contract.number())
        .containsEntry("merchantName", (String) request().get("merchantName"));
  }

  @Test
  void shouldLeadTheApplicationsAddressToTasklist() throws Exception {
    java.net.http.HttpResponse<Void> home = java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
        .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(anonymous.getRootUri() + "/")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/"));
  }
}
