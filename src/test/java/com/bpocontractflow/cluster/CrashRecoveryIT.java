package com.bpocontractflow.cluster;

import static org.awaitility.Awaitility.await;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.signing.SigningRest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash safety of the packaged application on PostgreSQL: contracts are driven through the REST API while
 * the application is killed with SIGKILL twice and started again. Every contract reaches go-live, every
 * timer fired once, every e-mail written once and delivered; a repeat can only be an e-mail in flight at
 * a kill (one per outbox sender), it carries the same Message-ID and is recorded on the e-mail.
 *
 * <p>This JVM holds the PostgreSQL server (embedded), the SMTP server and a checking context with its
 * job executor and outbox sender off; the application under test is the jar, in its own process.
 */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.profiles.active=crash-check", "camunda.bpm.admin-user.password=" + CrashRecoveryIT.ADMIN_PASSWORD,
    "camunda.bpm.job-execution.enabled=false", "bpo.mail.sender-enabled=false"})
class CrashRecoveryIT {

  static final String ADMIN_PASSWORD = "crash-test-admin-password";
  /** The application's outbox senders (its default): each may have one e-mail in flight at a kill. */
  static final int MAIL_SENDERS = 2;
  /**
   * The reminders each contract gets while its proposal waits for the merchant: one (R1/PT20S), so that the
   * number is exact whether it falls due before, during or after an outage (a cycle catches up with one).
   */
  static final int REMINDERS = 1;
  /** The payment and e-signature systems' API key in this run. */
  static final String INTEGRATION_KEY = "crash-test-integration-key-0123456789";
  static final int CONTRACTS = 20;

  /** The SMTP server, on a port the system picks; the application is told which. */
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcClient jdbc;

  int port;
  Process app;
  int starts;
  SigningRest rest;

  @Test
  void shouldContinueEveryContractAfterSigkillWithoutLosingOrRepeatingEmails() throws Exception {
    port = freePort();
    rest = SigningRest.singleUser(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
        .basicAuthentication("admin", ADMIN_PASSWORD)), INTEGRATION_KEY).withJobExecutor();
    startApp();

    List<SigningRest.Started> contracts = new ArrayList<>();
    for (int i = 0; i < CONTRACTS; i++) {
      SigningRest.Started contract = rest.start(request());
      rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
      contracts.add(contract);
    }
    // kill while e-mails go out (some sent, not a fixed time) and every contract's reminder timer is waiting
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
        jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'").query(Long.class).single() > 0);
    kill();
    startApp();
    // each contract's one reminder (R1/PT20S) fires once, across the kill, before the merchant answers: due
    // during the outage, it fires once at the restart; due after it, at its time; never lost, never twice
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
        jdbc.sql("SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'ServiceTask_RemindProposalAnswer' "
            + "AND end_time_ IS NOT NULL").query(Long.class).single() >= (long) REMINDERS * CONTRACTS);

    for (int i = 0; i < CONTRACTS; i++) {
      if (i == CONTRACTS / 2) {
        kill();
        startApp();
      }
      SigningRest.Started contract = contracts.get(i);
      rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
      rest.complete(contract, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "5000.00"));
      rest.complete(contract, REVIEW_CLAUSES, clauseReview(true));
      rest.correlate("MerchantSigned", contract, Map.of("signerName", "王小明"));
      rest.complete(contract, COUNTERSIGN_CONTRACT, countersign());
      rest.correlate("DepositReceived", contract, payment("5000.00", "PAY-CRASH-" + i));
      rest.onboardAndGoLive(contract);
    }
    awaitOutboxDelivered();
    app.destroy();
    app.waitFor();

    for (SigningRest.Started contract : contracts) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = :pi AND act_id_ = 'CallActivity_ContractTerm'")
          .param("pi", contract.processInstanceId()).query(Long.class).single()).as("%s went live", contract.number())
          .isEqualTo(1);
      long remindersRun = jdbc.sql("SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = :pi "
              + "AND act_id_ = 'ServiceTask_RemindProposalAnswer' AND end_time_ IS NOT NULL")
          .param("pi", contract.processInstanceId()).query(Long.class).single();
      Map<String, Long> mails = jdbc.sql("SELECT template FROM mail_outbox WHERE contract_number = :n")
          .param("n", contract.number()).query(String.class).list().stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(remindersRun).as("%s: each reminder fired exactly once", contract.number()).isEqualTo(REMINDERS);
      assertThat(mails).as("%s: one e-mail per step, one per reminder", contract.number()).isEqualTo(expectedMails(REMINDERS));
    }

    List<String> written = jdbc.sql("SELECT message_id FROM mail_outbox WHERE status = 'SENT'").query(String.class).list();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'").query(Long.class).single()).isZero();
    Map<String, Long> received = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      received.merge(message.getMessageID(), 1L, Long::sum);
    }
    assertThat(received.keySet()).as("every e-mail delivered, nothing else").containsExactlyInAnyOrderElementsOf(written);
    long repeats = received.values().stream().mapToLong(n -> n - 1).sum();
    System.out.printf("crash test: %d e-mails written, %d deliveries, %d repeated after a kill%n", written.size(),
        smtp.getReceivedMessages().length, repeats);
    assertThat(repeats).as("at most the e-mails in flight at each of the 2 kills, one per sender")
        .isLessThanOrEqualTo(2L * MAIL_SENDERS);
    received.forEach((messageId, deliveries) -> {
      if (deliveries > 1) {
        assertThat(jdbc.sql("SELECT repeats FROM mail_outbox WHERE message_id = :id").param("id", messageId)
            .query(Integer.class).single()).as("the repeat of %s is recorded", messageId).isGreaterThanOrEqualTo(
                (int) (deliveries - 1));
      }
    });
  }

  static Map<String, Long> expectedMails(long reminders) {
    Map<String, Long> expected = new HashMap<>(Map.of("REQUEST_RECEIVED", 1L, "PROPOSAL", 1L,
        "CONTRACT_FOR_REVIEW", 1L, "SIGNING_INSTRUCTIONS", 1L, "SIGNED_COPY", 1L, "DEPOSIT_REQUEST", 1L,
        "ONBOARDING_CHECKLIST", 1L, "GO_LIVE", 1L));
    if (reminders > 0) {
      expected.put("REMINDER", reminders);
    }
    return expected;
  }

  void startApp() throws Exception {
    String url;
    String user;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
      user = connection.getMetaData().getUserName();
    }
    File jar;
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(f -> f.getFileName().toString().matches("bpo-contract-flow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("run mvn package first: no jar in target/")).toFile();
    }
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.getAbsolutePath(), "--spring.profiles.active=postgres", "--server.port=" + port,
        "--bpo.signing.reminder-interval=PT20S", "--bpo.signing.reminder-max-count=" + REMINDERS,
        "--bpo.signing.escalate-after=PT1H", "--bpo.signing.target=PT1H", "--bpo.mail.poll-interval=PT0.2S",
        // the e-mails a killed node had claimed come back when their lease ends: well within the wait below
        "--bpo.mail.lease=PT20S", "--bpo.mail.data-timeout=PT10S", "--bpo.mail.senders=" + MAIL_SENDERS,
        "--camunda.bpm.job-execution.max-wait=1000");
    builder.environment().putAll(Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", "",
        "BPO_ADMIN_PASSWORD", ADMIN_PASSWORD, "BPO_INTEGRATION_API_KEYS", "crash-test:" + Sha256.hex(INTEGRATION_KEY),
        "SPRING_MAIL_HOST", "localhost", "SPRING_MAIL_PORT",
        String.valueOf(smtp.getSmtp().getPort()), "BPO_NODE_NAME", "crash-node-" + (++starts)));
    builder.redirectErrorStream(true).redirectOutput(new File("target/crash-app-" + starts + ".log"));
    app = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    String log = "target/crash-app-" + starts + ".log";
    await("the application's start (see " + log + ")").atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500)).until(() -> {
          if (!app.isAlive()) {
            throw new IllegalStateException("the application exited; see " + log);
          }
          try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
          } catch (IOException notYet) {
            return false; // still starting
          }
        });
  }

  void kill() throws InterruptedException {
    app.destroyForcibly(); // SIGKILL: no shutdown hook, no transaction finished
    app.waitFor();
  }

  void awaitOutboxDelivered() {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
        jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'").query(Long.class).single() == 0);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
