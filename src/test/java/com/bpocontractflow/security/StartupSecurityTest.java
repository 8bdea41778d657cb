package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.BpoContractFlowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile there are no demo users and no default administrator password. */
class StartupSecurityTest {

  static final String[] COMMON = {"--server.port=0", "--camunda.bpm.job-execution.enabled=false",
      "--bpo.mail.sender-enabled=false"};

  static String[] args(String database, String... extra) {
    String[] all = new String[COMMON.length + extra.length + 1];
    System.arraycopy(COMMON, 0, all, 0, COMMON.length);
    System.arraycopy(extra, 0, all, COMMON.length, extra.length);
    all[all.length - 1] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
    return all;
  }

  @Test
  void shouldRefuseToStartOutsideTheDemoProfileWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("no-admin-password", "--spring.profiles.active=production")).close())
        .hasStackTraceContaining(AdminPasswordRequired.MESSAGE);
  }

  @Test
  void shouldRefuseAShortAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("short-admin-password", "--spring.profiles.active=production",
            "--camunda.bpm.admin-user.password=demo")).close())
        .hasStackTraceContaining(AdminPasswordRequired.MESSAGE);
  }

  @Test
  void shouldRefuseDeploymentsOverRestOutsideTheDemoEvenForTheAdministrator() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("production-deploy", "--spring.profiles.active=production",
            "--camunda.bpm.admin-user.password=a-long-secret-from-env"))) {
      String model = """
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
            <process id="injected" isExecutable="true" camunda:historyTimeToLive="1">
              <startEvent id="s" /><sequenceFlow id="f" sourceRef="s" targetRef="e" /><endEvent id="e" />
            </process>
          </definitions>""";
      String boundary = "----bpo" + System.nanoTime();
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ninjected\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"injected.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              "admin:a-long-secret-from-env".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("只有系统本身可以部署流程模型");
      assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("injected")
          .count()).isZero();
    }
  }

  @Test
  void shouldOpenTheEmbeddedDatabaseWithoutANetworkListener() throws Exception {
    var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
    String url = String.valueOf(yaml.get(0).getProperty("spring.datasource.url"));
    assertThat(url).startsWith("${DB_URL:jdbc:h2:file:").doesNotContain("AUTO_SERVER").doesNotContainIgnoringCase("tcp");
  }

  @Test
  void shouldStartWithTheAdminFromTheEnvironmentAndNoDemoUsers() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run(args("production-users", "--spring.profiles.active=production",
            "--camunda.bpm.admin-user.password=a-long-secret-from-env"))) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "a-long-secret-from-env")).isTrue();
      assertThat(identity.createUserQuery().userId("sales").count()).isZero();
      assertThat(identity.createGroupQuery().groupId("finance").count()).isEqualTo(1);
    }
  }
}
