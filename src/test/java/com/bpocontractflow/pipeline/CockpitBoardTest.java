package com.bpocontractflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.security.WebAppSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The 合同看板 on Cockpit's dashboard: Cockpit's configuration loads the plugin, the plugin is served as a
 * JavaScript module, and what it reads answers a Cockpit session (a manager's: everything; a team's: its
 * contracts, not the figures). How it looks in a browser: e2e/webapp-screenshots.mjs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:cockpit-board-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class CockpitBoardTest {

  @Autowired
  TestRestTemplate anonymous;

  @Test
  void shouldLoadTheBoardOnCockpitsDashboard() {
    String config = anonymous.getForObject("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(config).contains("customScripts: ['scripts/bpo-cockpit.js']");
    ResponseEntity<String> script = anonymous.getForEntity("/camunda/app/cockpit/scripts/bpo-cockpit.js?bust=7.24.0",
        String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getHeaders().getContentType()).hasToString("text/javascript");
    assertThat(script.getBody()).contains("pluginPoint: 'cockpit.dashboard'", "'/staff/pipeline?'",
        "'/staff/pipeline/figures'", "'合同看板 '");
    assertThat(anonymous.getForObject("/camunda/app/cockpit/styles/user-styles.css", String.class))
        .contains(".bpo-board-table");
  }

  @Test
  void shouldAnswerTheBoardsRequestsForACockpitSession() throws Exception {
    String base = anonymous.getRootUri();
    WebAppSession manager = WebAppSession.login(base, "manager", "demo");
    assertThat(get(manager, base + "/staff/pipeline?sort=daysInStep&limit=200").statusCode()).isEqualTo(200);
    HttpResponse<String> figures = get(manager, base + "/staff/pipeline/figures");
    assertThat(figures.statusCode()).isEqualTo(200);
    assertThat(figures.body()).contains("\"signing\"", "\"endedBeforeFormation\"", "\"depositsOutstanding\"");

    WebAppSession sales = WebAppSession.login(base, "sales", "demo");
    assertThat(get(sales, base + "/staff/pipeline?sort=daysInStep&limit=200").statusCode()).isEqualTo(200);
    assertThat(get(sales, base + "/staff/pipeline/figures").statusCode()).isEqualTo(403);
  }

  static HttpResponse<String> get(WebAppSession session, String url) throws Exception {
    return session.browser().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
