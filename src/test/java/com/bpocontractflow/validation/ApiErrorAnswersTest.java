package com.bpocontractflow.validation;

import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.security.WebAppSession;
import com.bpocontractflow.signing.SigningRest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * No client error is a 500 and no answer shows internals (issue #16, item 5), through the engine's REST
 * API and through the web apps' API that Tasklist uses; a refused form reads as a list (issue #15).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-error-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class ApiErrorAnswersTest {

  @Autowired
  TestRestTemplate anonymous;
  @LocalServerPort
  int port;
  SigningRest rest;

  @BeforeEach
  void client() {
    rest = new SigningRest(anonymous);
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void shouldAnswerATaskCompletedBySomeoneElseWith404InChinese() {
    SigningRest.Started contract = rest.start(request());
    String task = rest.taskId(contract, "draft-proposal");
    Map<String, Object> completion = Map.of("variables", SigningRest.typed(proposal("5000.00")));
    assertThat(call("sales", HttpMethod.POST, "/engine-rest/task/" + task + "/complete", completion)
        .getStatusCode().value()).isEqualTo(204);

    ResponseEntity<String> again = call("sales", HttpMethod.POST, "/engine-rest/task/" + task + "/complete", completion);
    assertThat(again.getStatusCode().value()).isEqualTo(404);
    assertThat(again.getBody()).contains("该任务已由他人处理或已不存在，请刷新任务列表").doesNotContain("is null");
  }

  @Test
  void shouldRefuseSerializedAndUnknownVariableTypesWith400() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, "draft-proposal", proposal("5000.00"));
    String task = rest.taskId(contract, "confirm-proposal");
    for (String format : new String[] {"application/x-java-serialized-object", "application/unknown"}) {
      ResponseEntity<String> refused = call("sales", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
          Map.of("variables", Map.of("proposalDecision", Map.of("value", "rO0ABXQAA2Zvbw==", "type", "Object",
              "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", format)))));
      assertThat(refused.getStatusCode().value()).as(format).isEqualTo(400);
      assertThat(refused.getBody()).contains("不接受此类变量：只能提交文字、数字、布尔值或日期");
    }
    assertThat(rest.taskKeys(contract)).containsExactly("confirm-proposal");
  }

  @Test
  void shouldAnswerADirectRequestForTheErrorPageWith404() {
    ResponseEntity<String> error = anonymous.getForEntity("/error", String.class);
    assertThat(error.getStatusCode().value()).isEqualTo(404);
    assertThat(error.getBody()).contains("页面不存在").doesNotContain("999");
  }

  @Test
  void shouldShowTasklistARefusedFormAsOneProblemPerLineWithoutTheEnglishPrefix() throws Exception {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, "draft-proposal", proposal("5000.00"));
    String task = rest.taskId(contract, "confirm-proposal");

    // as Tasklist does it: the web apps' own API, with the session and the CSRF token of a logged-in user
    String base = "http://localhost:" + port;
    WebAppSession session = WebAppSession.login(base, "sales", "demo");
    HttpResponse<String> refused = session.browser().send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/engine/engine/default/task/" + task + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"variables\":{\"proposalDecision\":{\"value\":\"REVISION_REQUESTED\"}}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("Cannot submit task form", task)
        .contains("\"message\":\"请填写「修改意见」\"");
    assertThat(rest.taskKeys(contract)).containsExactly("confirm-proposal");
  }
}
