package com.bpocontractflow.cluster;

import static org.awaitility.Awaitility.await;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.BpoContractFlowApplication;
import com.bpocontractflow.TestSmtp;
import com.bpocontractflow.signing.SigningTestData;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL database, both with their job executor and outbox sender on:
 * 500 contracts wait for the merchant with a reminder timer due; every timer fires once, every e-mail is
 * delivered once, and both nodes did work.
 */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
// node A's job executor and outbox sender would otherwise keep polling in the cached context through the
// tests that follow (and fire its timers whenever a later test moves the engine clock)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.mail.host=localhost",
    "bpo.signing.reminder-interval=PT3S", "bpo.signing.reminder-max-count=1",
    "bpo.signing.escalate-after=PT10H", "bpo.signing.target=PT10H",
    "bpo.mail.poll-interval=PT0.5S", "bpo.mail.node-name=node-a", "BPO_NODE_NAME=node-a",
    "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=500"})
class TwoNodesTest {

  static final int CONTRACTS = 500;
  static final String REMINDER = "ServiceTask_RemindProposalAnswer";

  /** The SMTP server of both nodes, on a port the system picks; the nodes are told which. */
  @RegisterExtension
  static TestSmtp smtp = new TestSmtp();

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", smtp::port);
  }

  @Autowired
  DataSource dataSource;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldFireEveryTimerOnceAndSendEveryEmailOnceWithBothNodesWorking() throws Exception {
    String url;
    String user;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
      user = connection.getMetaData().getUserName();
    }
    try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(BpoContractFlowApplication.class).run(
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
        "--server.port=0", "--spring.mail.host=localhost", "--spring.mail.port=" + smtp.port(),
        "--bpo.signing.reminder-interval=PT3S", "--bpo.signing.reminder-max-count=1",
        "--bpo.signing.escalate-after=PT10H", "--bpo.signing.target=PT10H", "--bpo.mail.poll-interval=PT0.5S",
        "--bpo.mail.node-name=node-b", "--BPO_NODE_NAME=node-b", "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.max-wait=500",
        // two engines in one JVM (a test artefact; in production each node is its own JVM) need two names
        "--camunda.bpm.process-engine-name=nodeB")) {

      // users work on both nodes, half of the contracts on each
      RuntimeService[] runtimes = {runtimeService, nodeB.getBean(RuntimeService.class)};
      TaskService[] tasks = {taskService, nodeB.getBean(TaskService.class)};
      for (int i = 0; i < CONTRACTS; i++) {
        ProcessInstance contract = runtimes[i % 2].startProcessInstanceByKey("contract-signing", SigningTestData.request());
        Task draft = tasks[i % 2].createTaskQuery().processInstanceId(contract.getId())
            .taskDefinitionKey(DRAFT_PROPOSAL).singleResult();
        tasks[i % 2].complete(draft.getId(), SigningTestData.proposal("1000.00"));
      }

      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
          .until(() -> remindersDone() == CONTRACTS && pendingMails() == 0);

      System.out.println("job log by host: " + jdbc.sql("SELECT hostname_ || '=' || COUNT(*) FROM act_hi_job_log "
          + "WHERE job_state_ = 2 GROUP BY hostname_").query(String.class).list()
          + ", e-mails by node: " + jdbc.sql("SELECT COALESCE(sent_by, 'none') || '=' || COUNT(*) FROM mail_outbox GROUP BY sent_by")
          .query(String.class).list());
      List<HistoricActivityInstance> reminders = historyService.createHistoricActivityInstanceQuery()
          .activityId(REMINDER).finished().list();
      Map<String, Long> remindersPerContract = reminders.stream()
          .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId, Collectors.counting()));
      assertThat(remindersPerContract).hasSize(CONTRACTS);
      assertThat(remindersPerContract.values()).as("each timer fired once").containsOnly(1L);

      long jobsOnA = historyService.createHistoricJobLogQuery().successLog().hostname("node-a").count();
      long jobsOnB = historyService.createHistoricJobLogQuery().successLog().hostname("node-b").count();
      assertThat(jobsOnA + jobsOnB).isGreaterThanOrEqualTo(CONTRACTS);
      assertThat(jobsOnA).as("jobs executed by node A").isPositive();
      assertThat(jobsOnB).as("jobs executed by node B").isPositive();

      int expectedMails = CONTRACTS * 3; // request received, proposal, reminder
      assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'").query(Long.class).single())
          .isEqualTo(expectedMails);
      List<String> messageIds = new ArrayList<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        messageIds.add(message.getMessageID());
      }
      assertThat(messageIds).hasSize(expectedMails).doesNotHaveDuplicates();
      Map<String, Long> mailsPerNode = jdbc.sql("SELECT sent_by FROM mail_outbox").query(String.class).list().stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(mailsPerNode).containsOnlyKeys("node-a", "node-b");
      System.out.printf("two nodes: jobs A=%d B=%d, e-mails %s%n", jobsOnA, jobsOnB, mailsPerNode);
    }
  }

  long remindersDone() {
    return historyService.createHistoricActivityInstanceQuery().activityId(REMINDER).finished().count();
  }

  long pendingMails() {
    return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'").query(Long.class).single();
  }
}
