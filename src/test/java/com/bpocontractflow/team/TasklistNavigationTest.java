package com.bpocontractflow.team;

import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.security.WebAppSession;
import com.bpocontractflow.signing.SigningRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Staff find their way: the application's address leads to Tasklist, Tasklist carries the link to the staff
 * outbox (its custom script), and a start in Tasklist is answered with the contract number the script shows.
 * The script's behaviour in a browser is checked by e2e/tasklist-walkthrough.mjs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tasklist-navigation-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class TasklistNavigationTest {

  static final String SCRIPT = "/camunda/app/tasklist/scripts/bpo-tasklist.js";

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ContractRepository contracts;

  final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  String base() {
    return anonymous.getRootUri();
  }

  @Test
  void shouldLeadALoggedInStaffMemberFromTheAddressToTasklistAndSomeoneElseToItsLogin() throws Exception {
    WebAppSession sales = WebAppSession.login(base(), "sales", "demo");
    HttpResponse<String> home = sales.browser().send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(302);
    // the logged-in browser follows the redirects and ends on Tasklist's page
    for (int hop = 0; hop < 3 && home.statusCode() == 302; hop++) {
      URI next = home.uri().resolve(home.headers().firstValue("Location").orElseThrow());
      home = sales.browser().send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
    }
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.uri().getPath()).startsWith("/camunda/app/tasklist/");
    assertThat(home.body()).contains("app-name=\"tasklist\"");

    HttpResponse<Void> anonymousHome = noRedirects.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(anonymousHome.statusCode()).isEqualTo(302);
    assertThat(anonymousHome.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(URI.create(location).getPath()).isEqualTo("/camunda/app/tasklist/"));
    // Tasklist answers someone not logged in with its own page, which shows its login
    HttpResponse<String> tasklist = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
        .send(HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("app-name=\"tasklist\"");
  }

  @Test
  void shouldLoadTheScriptThatLinksTasklistToTheOutbox() throws Exception {
    String config = anonymous.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(config).contains("customScripts: ['scripts/bpo-tasklist.js']");

    ResponseEntity<String> script = anonymous.getForEntity(SCRIPT + "?bust=7.24.0", String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    // Tasklist loads it as a module with import(): it must be served as JavaScript
    assertThat(script.getHeaders().getContentType()).hasToString("text/javascript");
    assertThat(script.getBody()).contains("pluginPoint: 'tasklist.navbar.action'",
        "const OUTBOX_PATH = '/staff/outbox'", "' 邮件发件箱'", "export default [outboxLink]");

    // Tasklist's own Content-Security-Policy lets its scripts load further scripts of the same origin
    HttpResponse<String> page = noRedirects.send(HttpRequest.newBuilder(
        URI.create(base() + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("'strict-dynamic'"));

    // the link's target opens for a Tasklist session
    WebAppSession legal = WebAppSession.login(base(), "legal", "demo");
    HttpResponse<String> outbox = legal.browser().send(
        HttpRequest.newBuilder(URI.create(base() + "/staff/outbox")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(outbox.statusCode()).isEqualTo(200);
    assertThat(outbox.body()).contains("<strong>邮件发件箱</strong>");
  }

  @Test
  void shouldAnswerAStartInTasklistWithTheAssignedContractNumber() throws Exception {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("contract-signing")
        .latestVersion().singleResult().getId();
    WebAppSession sales = WebAppSession.login(base(), "sales", "demo");
    // the request Tasklist's start dialog sends, and whose answer the script reads
    HttpResponse<String> started = sales.browser().send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/engine/engine/default/process-definition/" + definitionId + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", sales.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
            Map.of("variables", SigningRest.typed(request())))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = new ObjectMapper().readTree(started.body());
    String number = instance.path("businessKey").asText();
    assertThat(number).matches("BPO-\\d{4}-\\d{6}");
    assertThat(contracts.findByNumber(number)).hasValueSatisfying(
        contract -> assertThat(contract.processInstanceId()).isEqualTo(instance.path("id").asText()));
  }
}
