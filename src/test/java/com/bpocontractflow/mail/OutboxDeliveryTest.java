package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.SmtpComingBack;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.signing.SigningTestData;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server that is down, comes back, or never does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:outbox-delivery-test;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000",
    "bpo.mail.sender-enabled=false",
    "bpo.mail.max-attempts=20",
    "bpo.mail.first-retry-delay=PT0S",
    "camunda.bpm.job-execution.enabled=false"})
class OutboxDeliveryTest {

  /** The SMTP server: down at first, started by the tests, on a port held for it meanwhile. */
  static final SmtpComingBack SMTP = new SmtpComingBack();

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", SMTP::port);
  }

  @Autowired
  MerchantMailer mailer;
  @Autowired
  MailOutbox outbox;
  @Autowired
  OutboxSender sender;
  @Autowired
  ContractRepository contracts;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  MailTransport transport;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;

  GreenMail smtp;

  @AfterEach
  void stopSmtp() {
    SMTP.stop();
    jdbc.sql("DELETE FROM mail_outbox").update();
  }

  String enqueue(String merchant) {
    return transaction.execute(status -> {
      var contract = contracts.register(new NewContract(null, merchant, "shop@example.com", "王小明", null,
          ShopPlatform.JD, 3, null));
      mailer.send(MerchantMail.REQUEST_RECEIVED, contract, Map.of());
      return contract.contractNumber();
    });
  }

  @Test
  void shouldKeepEveryEmailWhileSmtpIsDownAndDeliverEachOnceWhenItReturns() throws Exception {
    List<String> numbers = List.of(enqueue("甲店"), enqueue("乙店"), enqueue("丙店"));

    sender.sendDue();
    assertThat(outbox.findAll()).allSatisfy(mail -> {
      assertThat(mail.status()).isEqualTo(OutboxMail.PENDING);
      assertThat(mail.attempts()).isEqualTo(1);
      assertThat(mail.lastError()).isNotBlank();
    });

    smtp = SMTP.start();
    sender.sendDue();
    sender.sendDue();

    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(List.of(smtp.getReceivedMessages())).extracting(m -> m.getSubject().replaceAll("^【合同编号 ([A-Z0-9-]+)】.*$", "$1"))
        .containsExactlyInAnyOrderElementsOf(numbers);
    assertThat(outbox.findAll()).allSatisfy(mail -> {
      assertThat(mail.status()).isEqualTo(OutboxMail.SENT);
      assertThat(mail.deliveredVia()).isEqualTo("smtp");
      assertThat(mail.attempts()).isEqualTo(2);
    });
    assertThat(List.of(smtp.getReceivedMessages())).extracting(m -> m.getMessageID())
        .containsExactlyInAnyOrderElementsOf(outbox.findAll().stream().map(OutboxMail::messageId).toList());
  }

  @Test
  void shouldDeliverEveryEmailOfAWholeContractOnceAfterSmtpWasDownThroughout() throws Exception {
    var pi = runtimeService.startProcessInstanceByKey("contract-signing", SigningTestData.request());
    List<Map.Entry<String, Map<String, Object>>> steps = List.of(
        Map.entry("draft-proposal", SigningTestData.proposal("2000.00")),
        Map.entry("confirm-proposal", SigningTestData.proposalAnswer("ACCEPTED")),
        Map.entry("draft-contract", SigningTestData.contractDraft("PAPER", "2000.00")),
        Map.entry("review-clauses", SigningTestData.clauseReview(true)),
        Map.entry("seal-contract", SigningTestData.seal()),
        Map.entry("courier-contract", SigningTestData.courier()),
        Map.entry("receive-countersigned-contract", SigningTestData.countersignedCopyReceived()),
        Map.entry("confirm-deposit", SigningTestData.payment("2000.00", "PAY-DOWN")),
        Map.entry("conduct-training", SigningTestData.training()),
        Map.entry("assess-training", SigningTestData.assessment(true)),
        Map.entry("authorize-subaccounts", SigningTestData.subaccounts()),
        Map.entry("configure-cs-software", SigningTestData.software()),
        Map.entry("approve-go-live", SigningTestData.goLive()));
    for (var step : steps) {
      var task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step.getKey()).singleResult();
      taskService.complete(task.getId(), step.getValue());
      sender.sendDue(); // the SMTP server is down: every attempt fails, nothing is lost
    }
    String number = pi.getBusinessKey();
    List<OutboxMail> written = outbox.findByContract(number);
    assertThat(written).hasSize(7).allSatisfy(mail -> assertThat(mail.status()).isEqualTo(OutboxMail.PENDING));

    smtp = SMTP.start();
    while (sender.sendDue() > 0) {
      // deliver everything that waited
    }
    sender.sendDue();

    assertThat(smtp.getReceivedMessages()).hasSize(7);
    assertThat(List.of(smtp.getReceivedMessages())).extracting(m -> m.getMessageID()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxMail::messageId).toList());
    assertThat(outbox.findByContract(number)).allSatisfy(mail -> assertThat(mail.status()).isEqualTo(OutboxMail.SENT));
  }

  @Test
  void shouldMarkAnEmailFailedAfterTheLastAttemptAndLetAnOperatorRetryIt() throws Exception {
    enqueue("丁店");
    for (int i = 0; i < 20; i++) {
      sender.sendDue();
    }
    OutboxMail failed = outbox.findAll().get(0);
    assertThat(failed.status()).isEqualTo(OutboxMail.FAILED);
    assertThat(failed.attempts()).isEqualTo(20);
    assertThat(sender.sendDue()).as("a FAILED e-mail is not retried by itself").isZero();

    assertThat(outbox.retry(failed.id())).isTrue();
    smtp = SMTP.start();
    sender.sendDue();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(outbox.findAll().get(0).status()).isEqualTo(OutboxMail.SENT);
  }

  @Test
  void shouldWriteNothingForAStepThatRolledBack() {
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      var contract = contracts.register(new NewContract(null, "戊店", "shop@example.com", "王小明", null,
          ShopPlatform.JD, 3, null));
      mailer.send(MerchantMail.REQUEST_RECEIVED, contract, Map.of());
      throw new IllegalStateException("the step failed after writing its e-mail");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(outbox.findAll()).isEmpty();
    assertThat(sender.sendDue()).isZero();
  }

  @Test
  void shouldSendEachEmailOnceWithTwoSendersOnOneDatabase() throws Exception {
    smtp = SMTP.start();
    for (int i = 0; i < 40; i++) {
      enqueue("并发店" + i);
    }
    MailProperties smallBatches = new MailProperties("contracts@bpo.example.com", true, Duration.ofSeconds(2), 5, 3,
        Duration.ZERO, "test");
    CountingTransport first = new CountingTransport(transport);
    CountingTransport second = new CountingTransport(transport);
    OutboxSender nodeA = new OutboxSender(outbox, first, smallBatches, transaction);
    OutboxSender nodeB = new OutboxSender(outbox, second, smallBatches, transaction);

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = List.of(
          nodes.submit(() -> drain(nodeA)), nodes.submit(() -> drain(nodeB)));
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }
    drain(nodeA);

    assertThat(first.delivered.get() + second.delivered.get()).isEqualTo(40);
    if (onPostgreSql()) {
      // PostgreSQL skips locked rows before applying the limit, so both nodes share the work; H2 (the
      // single-node default) applies the limit first and a second node may find nothing to take.
      assertThat(first.delivered.get()).as("node A delivered some").isPositive();
      assertThat(second.delivered.get()).as("node B delivered some").isPositive();
    }
    assertThat(smtp.getReceivedMessages()).hasSize(40);
    assertThat(List.of(smtp.getReceivedMessages())).extracting(m -> m.getMessageID()).doesNotHaveDuplicates();
    assertThat(outbox.findAll()).allSatisfy(mail -> {
      assertThat(mail.status()).isEqualTo(OutboxMail.SENT);
      assertThat(mail.attempts()).isEqualTo(1);
    });
  }

  boolean onPostgreSql() {
    return "PostgreSQL".equals(jdbc.sql("SELECT 1").query((rs, i) -> {
      try {
        return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }).single());
  }

  private static void drain(OutboxSender sender) {
    while (sender.sendDue() > 0) {
      // next batch
    }
  }

  /** Delivers through the real transport, slowly, counting what this node delivered. */
  static class CountingTransport implements MailTransport {
    final MailTransport delegate;
    final AtomicInteger delivered = new AtomicInteger();

    CountingTransport(MailTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public void deliver(OutboxMail mail) throws Exception {
      Thread.sleep(15);
      delegate.deliver(mail);
      delivered.incrementAndGet();
    }
  }

  @Test
  void shouldBackOffExponentially() {
    OutboxSender withDelay = new OutboxSender(outbox, null,
        new MailProperties("a@b.cn", true, Duration.ofSeconds(2), 20, 8, Duration.ofSeconds(30), "test"),
        transaction);
    assertThat(withDelay.backoff(1)).hasSeconds(30);
    assertThat(withDelay.backoff(2)).hasSeconds(60);
    assertThat(withDelay.backoff(5)).hasSeconds(480);
    assertThat(withDelay.backoff(30)).hasHours(6);
  }
}
