package com.bpocontractflow.operations;

import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.SigningRest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Health, metrics and logs as an operator sees them. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:operations-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=true"})
@AutoConfigureObservability
class OperationsTest {

  @Autowired
  TestRestTemplate anonymous;

  @Test
  void shouldAnswerProbesToAnyoneAndHealthDetailsOnlyToOperators() {
    ResponseEntity<String> liveness = anonymous.getForEntity("/actuator/health/liveness", String.class);
    assertThat(liveness.getStatusCode().value()).isEqualTo(200);
    assertThat(liveness.getBody()).contains("\"status\":\"UP\"");
    assertThat(anonymous.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200);

    assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.withBasicAuth("sales", "demo").getForEntity("/actuator/health", String.class)
        .getStatusCode().value()).isEqualTo(403);

    new SigningRest(anonymous).start(request());
    ResponseEntity<String> health = anonymous.withBasicAuth("admin", "demo").getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).contains("\"db\"", "\"mailOutbox\"", "\"jobExecutor\"", "\"processEngine\"")
        .containsPattern("\"pending\":[1-9]")
        .containsPattern("\"workingDayCalendar\":\\{\"status\":\"UP\",\"details\":\\{\"publishedYears\":\\[[0-9, ,]*2026");
  }

  @Autowired
  org.camunda.bpm.engine.ProcessEngine engine;

  @Test
  void shouldGiveTheEngineChinasWorkingDays() {
    var calendars = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getBusinessCalendarManager();
    java.time.ZoneId china = com.bpocontractflow.common.Clocks.ZONE;
    // Friday 2026-02-13 16:30: the next working day is Saturday 02-14 (make-up), then the Spring Festival
    java.util.Date friday = java.util.Date.from(java.time.ZonedDateTime.of(2026, 2, 13, 16, 30, 0, 0, china).toInstant());

    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("P2D", friday))
        .isEqualTo(java.util.Date.from(java.time.ZonedDateTime.of(2026, 2, 24, 9, 0, 0, 0, china).toInstant()));
  }

  @Test
  void shouldExposeProcessAndOutboxMetricsToPrometheus() {
    new SigningRest(anonymous).start(request());
    assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);

    String metrics = anonymous.withBasicAuth("admin", "demo").getForObject("/actuator/prometheus", String.class);
    assertThat(metrics).contains("bpo_incidents_open", "bpo_jobs_due", "bpo_jobs_failed", "bpo_mail_failed")
        .containsPattern("bpo_mail_pending(\\{[^}]*})? [1-9]");
  }

  @Test
  void shouldLogTheContractNumberAndMaskEmailsAndPhones(CapturedOutput output) {
    SigningRest.Started contract = new SigningRest(anonymous).start(request());
    assertThat(output.getOut()).containsPattern("\\[" + contract.number() + "].*E-mail REQUEST_RECEIVED to the merchant queued");

    LoggerFactory.getLogger(OperationsTest.class).info("merchant ops@xiaoxiang.example.com called from 13812345678");
    assertThat(output.getOut()).contains("merchant o***@xiaoxiang.example.com called from 138****5678")
        .doesNotContain("ops@xiaoxiang.example.com called", "13812345678");
  }
}
