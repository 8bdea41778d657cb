package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.bpocontractflow.common.Clocks;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.bpocontractflow.SmtpComingBack;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.signing.SigningTestData;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server that is down, comes back, or never does, and against a fake one
 * that answers late ({@link FakeSmtpServer}).
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
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
  MailProperties properties;
  @Autowired
  MockMvc mvc;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;

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
      assertThat(mail.deliveredViaLabel()).as("as staff read it on the outbox page").isEqualTo("邮件服务器（SMTP）");
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
      // the review round (document version and its e-mail) and the signed copy (and its e-mail) run in jobs:
      // run them as the job executor would
      for (String job : List.of(com.bpocontractflow.signing.ContractSigningProcess.Elements.SEND_CONTRACT_FOR_REVIEW,
          com.bpocontractflow.signing.ContractSigningProcess.Elements.MAKE_SIGNED_COPY)) {
        managementService.createJobQuery().processInstanceId(pi.getId()).activityId(job).list()
            .forEach(continuation -> managementService.executeJob(continuation.getId()));
      }
      sender.sendDue(); // the SMTP server is down: every attempt fails, nothing is lost
    }
    String number = pi.getBusinessKey();
    List<OutboxMail> written = outbox.findByContract(number);
    // request received, proposal, review, signing instructions, couriered, signed copy, deposit, onboarding
    // checklist, go-live
    assertThat(written).extracting(OutboxMail::template).containsExactlyInAnyOrder("REQUEST_RECEIVED", "PROPOSAL",
        "CONTRACT_FOR_REVIEW", "SIGNING_INSTRUCTIONS", "CONTRACT_COURIERED", "SIGNED_COPY", "DEPOSIT_REQUEST",
        "ONBOARDING_CHECKLIST", "GO_LIVE");
    assertThat(written).hasSize(9).allSatisfy(mail -> assertThat(mail.status()).isEqualTo(OutboxMail.PENDING));

    smtp = SMTP.start();
    while (sender.sendDue() > 0) {
      // deliver everything that waited
    }
    sender.sendDue();

    assertThat(smtp.getReceivedMessages()).hasSize(9);
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
    MailProperties smallBatches = properties.withSending(5, 1, 3, Duration.ZERO, "test");
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
        new MailProperties("a@b.cn", true, Duration.ofSeconds(2), 20, 8, Duration.ofSeconds(30), "test", 2,
            Duration.ofMinutes(15), Duration.ofMinutes(10)),
        transaction);
    assertThat(withDelay.backoff(1)).hasSeconds(30);
    assertThat(withDelay.backoff(2)).hasSeconds(60);
    assertThat(withDelay.backoff(5)).hasSeconds(480);
    assertThat(withDelay.backoff(30)).hasHours(6);
  }

  // ---------------------------------------------------------------- claim, lease, one connection per batch

  @Test
  void shouldSendABatchOverOneConnectionAndMarkEachEmailSentAsSoonAsTheServerAcceptedIt() throws Exception {
    enqueue("批量店一");
    enqueue("批量店二");
    enqueue("批量店三");
    try (FakeSmtpServer server = new FakeSmtpServer()) {
      Snooping snooping = new Snooping(smtpTo(server, Duration.ofSeconds(30)), outbox);
      assertThat(node(snooping, 1).sendDue()).isEqualTo(3);

      assertThat(server.connections()).as("one SMTP connection for the batch").isEqualTo(1);
      assertThat(server.messageIds()).containsExactlyElementsOf(outbox.findAll().stream().map(OutboxMail::messageId).toList());
      // as another connection saw the outbox when each e-mail went out: every step was committed, no
      // transaction or row lock spans the SMTP exchange, and each accepted e-mail was SENT before the next
      assertThat(snooping.seen).extracting(rows -> rows.stream().map(OutboxDeliveryTest::state).toList())
          .containsExactly(
              List.of("SENDING+started", "SENDING", "SENDING"),
              List.of("SENT", "SENDING+started", "SENDING"),
              List.of("SENT", "SENT", "SENDING+started"));
      assertThat(outbox.findAll()).allSatisfy(mail -> {
        assertThat(mail.status()).isEqualTo(OutboxMail.SENT);
        assertThat(mail.attempts()).isEqualTo(1);
        assertThat(mail.leaseUntil()).isNull();
        assertThat(mail.claimedBy()).startsWith("test-node/");
        assertThat(mail.sentBy()).isEqualTo("test-node");
      });
    }
  }

  @Test
  void shouldTakeBackTheEmailsOfASenderThatStoppedAndSendTheOneInFlightAgainAsARecordedRepeat(CapturedOutput output)
      throws Exception {
    smtp = SMTP.start();
    String number = enqueue("断电店");
    enqueue("断电店二");
    List<OutboxMail> written = outbox.findAll();
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    OffsetDateTime expired = now.minusMinutes(1);
    // a node claimed both, started sending the first and stopped; its lease ended a minute ago
    List<OutboxMail> claimed = transaction.execute(status -> outbox.claimDue(20, now, expired, "stopped-node/1"));
    assertThat(claimed).hasSize(2);
    assertThat(outbox.startSending(written.get(0).id(), "stopped-node/1", now.minusMinutes(16), expired)).isTrue();

    Snooping snooping = new Snooping(transport, outbox);
    assertThat(node(snooping, 1).sendDue()).isEqualTo(2);

    // taken back by the next claim (committed before sending): only the one in flight counts as a repeat
    assertThat(snooping.seen.get(0)).extracting(OutboxMail::repeats, OutboxMail::lastError, OutboxMail::attempts)
        .containsExactly(tuple(1, MailOutbox.REPEAT_AFTER_LOST_LEASE, 1), tuple(0, null, 0));
    List<OutboxMail> after = outbox.findAll();
    assertThat(after).extracting(OutboxMail::status, OutboxMail::repeats, OutboxMail::attempts)
        .containsExactly(tuple(OutboxMail.SENT, 1, 2), tuple(OutboxMail.SENT, 0, 1));
    assertThat(List.of(smtp.getReceivedMessages())).extracting(m -> m.getMessageID())
        .containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxMail::messageId).toList());
    assertThat(output.getOut()).contains("E-mail " + written.get(0).id() + " (Message-ID "
        + written.get(0).messageId() + ") for contract " + number + ": outcome unknown, claim stopped-node/1 stopped "
        + "while sending it").containsPattern("WARN \\[" + number + "].*outcome unknown, claim stopped-node/1");
  }

  @Test
  void shouldKeepDeliveringWithTheOtherSenderWhileOneWaitsForASlowServer() throws Exception {
    enqueue("慢店");
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    List<Long> delivered = new CopyOnWriteArrayList<>();
    MailTransport slowOnce = new MailTransport() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public void deliver(OutboxMail mail) throws Exception {
        if (first.compareAndSet(true, false)) {
          firstStarted.countDown();
          if (!releaseFirst.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the first delivery");
          }
        }
        delivered.add(mail.id());
      }
    };
    OutboxSender node = node(slowOnce, 2);
    try {
      node.poll();
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).as("the first delivery started").isTrue();
      long slow = outbox.findAll().get(0).id();
      enqueue("快店一");
      enqueue("快店二");

      // the scheduler polls again and again; the free sender takes the new e-mails meanwhile
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
        node.poll();
        assertThat(outbox.findAll()).filteredOn(mail -> mail.id() != slow)
            .extracting(OutboxMail::status).containsExactly(OutboxMail.SENT, OutboxMail.SENT);
      });
      assertThat(outbox.find(slow).orElseThrow().status()).as("still with the slow server").isEqualTo(OutboxMail.SENDING);
      assertThat(delivered).doesNotContain(slow).hasSize(2);

      releaseFirst.countDown();
      await().atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(outbox.find(slow).orElseThrow().status()).isEqualTo(OutboxMail.SENT));
      assertThat(delivered).hasSize(3).doesNotHaveDuplicates();
    } finally {
      releaseFirst.countDown();
      node.stop();
    }
  }

  @Test
  void shouldRecordEmailsAsLoggedWhenNoSmtpServerIsConfigured(CapturedOutput output) {
    String number = enqueue("演示店");
    OutboxSender demo = node(new LogMailTransport(), 1);
    assertThat(demo.sendDue()).isEqualTo(1);
    assertThat(demo.sendDue()).isZero();
    OutboxMail mail = outbox.findAll().get(0);
    assertThat(mail).extracting(OutboxMail::status, OutboxMail::deliveredVia, OutboxMail::attempts)
        .containsExactly(OutboxMail.SENT, "log", 1);
    assertThat(mail.deliveredViaLabel()).isEqualTo("仅记录（未配置邮件服务器）");
    assertThat(output.getOut()).contains("kept in the outbox: id=" + mail.id() + " contract=" + number);
  }

  // ---------------------------------------------------------------- a slow SMTP server: no blind resends

  @Test
  void shouldMarkAnEmailUnknownWhenTheServerHadItButNeverAnsweredAndNotSendItAgainByItself(CapturedOutput output)
      throws Exception {
    String number = enqueue("慢服务器店");
    try (FakeSmtpServer server = new FakeSmtpServer().mode(FakeSmtpServer.Mode.HOLD_DATA_REPLY)) {
      OutboxSender node = node(smtpTo(server, Duration.ofMillis(500)), 1);
      assertThat(node.sendDue()).isEqualTo(1);

      OutboxMail mail = outbox.findAll().get(0);
      assertThat(mail.status()).isEqualTo(OutboxMail.UNKNOWN);
      assertThat(mail.attempts()).isEqualTo(1);
      assertThat(mail.lastError()).startsWith("发送结果未知").contains("500 毫秒", "确认已送达", "重新发送");
      assertThat(mail.leaseUntil()).isNull();
      assertThat(server.messageIds()).as("the server got the e-mail once").containsExactly(mail.messageId());
      assertThat(output.getOut()).contains("E-mail " + mail.id() + " (Message-ID " + mail.messageId()
          + ") for contract " + number + ": outcome UNKNOWN");

      assertThat(node.sendDue()).isZero();
      assertThat(node.sendDue()).isZero();
      assertThat(server.messages()).as("never sent again by itself").hasSize(1);
      assertThat(outbox.backlog()).extracting(MailOutbox.Backlog::unknown, MailOutbox.Backlog::pending)
          .containsExactly(1L, 0L);

      // an operator has it sent again: the same Message-ID, counted as a repeat
      server.mode(FakeSmtpServer.Mode.ANSWER).release();
      assertThat(outbox.resendUnknown(mail.id(), "finance")).isTrue();
      assertThat(outbox.resendUnknown(mail.id(), "finance")).as("only an UNKNOWN e-mail").isFalse();
      assertThat(node.sendDue()).isEqualTo(1);
      assertThat(server.messageIds()).containsExactly(mail.messageId(), mail.messageId());
      assertThat(outbox.find(mail.id()).orElseThrow())
          .extracting(OutboxMail::status, OutboxMail::repeats, OutboxMail::attempts)
          .containsExactly(OutboxMail.SENT, 1, 2);
    }
  }

  @Test
  void shouldRetryAnEmailWhoseServerTimedOutBeforeTheDataOrRefusedIt() throws Exception {
    enqueue("数据前超时店");
    try (FakeSmtpServer server = new FakeSmtpServer().mode(FakeSmtpServer.Mode.HOLD_DATA_COMMAND)) {
      OutboxSender node = node(smtpTo(server, Duration.ofMillis(500)), 1);
      assertThat(node.sendDue()).isEqualTo(1);
      OutboxMail mail = outbox.findAll().get(0);
      assertThat(mail.status()).as("no 354: the e-mail never left").isEqualTo(OutboxMail.PENDING);
      assertThat(mail.attempts()).isEqualTo(1);
      assertThat(mail.lastError()).isNotBlank().doesNotContain("发送结果未知");
      assertThat(server.messages()).isEmpty();

      server.mode(FakeSmtpServer.Mode.REFUSE_DATA).release();
      assertThat(node.sendDue()).isEqualTo(1);
      mail = outbox.findAll().get(0);
      assertThat(mail.status()).as("a clear refusal is no unknown outcome").isEqualTo(OutboxMail.PENDING);
      assertThat(mail.attempts()).isEqualTo(2);
      assertThat(mail.lastError()).contains("451");

      server.mode(FakeSmtpServer.Mode.ANSWER);
      assertThat(node.sendDue()).isEqualTo(1);
      assertThat(outbox.findAll().get(0).status()).isEqualTo(OutboxMail.SENT);
      assertThat(server.messageIds()).containsExactly(mail.messageId(), mail.messageId());
    }
  }

  @Test
  void shouldWaitTenMinutesForTheServersAnswerToTheDataByDefault() {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.getJavaMailProperties().setProperty("mail.smtp.timeout", "10000");
    SmtpMailTransport smtp = new SmtpMailTransport(mail, "contracts@bpo.example.com", properties.dataTimeout());
    assertThat(properties.dataTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(smtp.sessionProperties().getProperty("mail.smtp.timeout")).isEqualTo("600000");
    assertThat(smtp.sessionProperties().getProperty("mail.smtp.quitwait")).isEqualTo("false");
    assertThat(((SmtpMailTransport) transport).sessionProperties().getProperty("mail.smtp.connectiontimeout"))
        .as("connecting stays short").isEqualTo("1000");
  }

  @Test
  void shouldSendEachCommandAtOnceWithoutWaitingForTheServersAcknowledgement() throws Exception {
    SmtpMailTransport smtp = new SmtpMailTransport(new JavaMailSenderImpl(), "contracts@bpo.example.com",
        properties.dataTimeout());
    Object factory = smtp.sessionProperties().get("mail.smtp.socketFactory");
    assertThat(factory).isInstanceOf(javax.net.SocketFactory.class);
    try (java.net.Socket socket = ((javax.net.SocketFactory) factory).createSocket()) {
      assertThat(socket.getTcpNoDelay()).as("TCP_NODELAY: no 40 ms wait per e-mail").isTrue();
    }
    JavaMailSenderImpl custom = new JavaMailSenderImpl();
    custom.getJavaMailProperties().setProperty("mail.smtp.socketFactory.class", "javax.net.ssl.SSLSocketFactory");
    assertThat(new SmtpMailTransport(custom, "contracts@bpo.example.com", properties.dataTimeout())
        .sessionProperties().get("mail.smtp.socketFactory")).as("an operator's own factory stays").isNull();
    JavaMailSenderImpl implicitTls = new JavaMailSenderImpl();
    implicitTls.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "true");
    assertThat(new SmtpMailTransport(implicitTls, "contracts@bpo.example.com", properties.dataTimeout())
        .sessionProperties().get("mail.smtp.socketFactory")).as("implicit TLS keeps its SSL sockets").isNull();
  }

  // ---------------------------------------------------------------- claiming cost (#12)

  @Test
  void shouldClaimThroughItsIndexWithoutReadingOrSortingTheSentEmails() {
    boolean postgres = onPostgreSql();
    jdbc.sql("""
            INSERT INTO mail_outbox (message_id, contract_number, template, recipient, subject, body_html,
              body_text, status, attempts, next_attempt_at, created_at, sent_at)
            SELECT CONCAT('<sent-', n, '@test>'), 'BPO-INDEX', 'T', 'a@b.cn', 's', 'h', 't', 'SENT', 1,
              CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
            FROM """ + (postgres ? " generate_series(1, 20000) AS g(n)" : " SYSTEM_RANGE(1, 20000) AS g(n)"))
        .update();
    enqueue("索引店");
    jdbc.sql(postgres ? "ANALYZE mail_outbox" : "ANALYZE TABLE mail_outbox").update();

    List<String> plan = jdbc.sql("EXPLAIN " + MailOutbox.CLAIM_DUE)
        .param("status", OutboxMail.PENDING).param("now", OffsetDateTime.now(Clocks.ZONE)).param("limit", 20)
        .query((rs, i) -> rs.getString(1)).list();
    String text = String.join("\n", plan);
    if (postgres) {
      // the rows come in the index's order: no Sort node, no scan of the table
      assertThat(text).contains("Index Scan using ix_mail_outbox_claim").doesNotContain("Sort", "Seq Scan");
    } else {
      assertThat(text).containsIgnoringCase("IX_MAIL_OUTBOX_CLAIM");
    }
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    List<OutboxMail> claimed = transaction.execute(status -> outbox.claimDue(20, now, now.plusMinutes(15), "test/index"));
    assertThat(claimed).as("the due e-mail, none of the SENT ones").hasSize(1);
  }

  // ---------------------------------------------------------------- the staff page: UNKNOWN e-mails

  @Test
  void shouldShowEmailsOfUnknownOutcomeToStaffAndLetThemConfirmOrResendEach() throws Exception {
    enqueue("未知甲店");
    enqueue("未知乙店");
    jdbc.sql("UPDATE mail_outbox SET status = 'UNKNOWN', attempts = 1, last_error = '发送结果未知：测试'").update();
    List<OutboxMail> mails = outbox.findAll();
    long delivered = mails.get(0).id();
    long lost = mails.get(1).id();
    String finance = "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes(StandardCharsets.UTF_8));
    MockHttpSession session = new MockHttpSession();

    String list = page(mvc.perform(get("/staff/outbox").header("Authorization", finance)).andExpect(status().isOk())
        .andReturn());
    assertThat(list).contains("发送结果未知 <span class=\"status-UNKNOWN\" id=\"unknown-count\">2</span> 封",
        "有 <span>2</span> 封邮件发送结果未知，需要人工处理", "系统不会自动重发", ">结果未知<");
    String detail = page(mvc.perform(get("/staff/outbox/" + delivered).session(session).header("Authorization", finance))
        .andExpect(status().isOk()).andReturn());
    assertThat(detail).contains("/staff/outbox/" + delivered + "/confirm-delivered", "确认已送达",
        "/staff/outbox/" + delivered + "/resend", "重新发送", "发送结果未知，需要您处理");
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(detail);
    assertThat(token.find()).isTrue();
    String csrf = token.group(1);

    mvc.perform(post("/staff/outbox/" + delivered + "/confirm-delivered").param("csrf", csrf))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/staff/outbox/" + delivered + "/confirm-delivered").session(session)
        .header("Authorization", finance)).andExpect(status().isForbidden());
    assertThat(outbox.find(delivered).orElseThrow().status()).isEqualTo(OutboxMail.UNKNOWN);

    mvc.perform(post("/staff/outbox/" + delivered + "/confirm-delivered").param("csrf", csrf).session(session)
        .header("Authorization", finance)).andExpect(status().is3xxRedirection());
    OutboxMail confirmed = outbox.find(delivered).orElseThrow();
    assertThat(confirmed).extracting(OutboxMail::status, OutboxMail::confirmedBy, OutboxMail::repeats)
        .containsExactly(OutboxMail.SENT, "finance", 0);
    assertThat(confirmed.sentAt()).isNotNull();
    assertThat(confirmed.lastError()).as("why it was unknown stays on record").isEqualTo("发送结果未知：测试");
    mvc.perform(post("/staff/outbox/" + delivered + "/resend").param("csrf", csrf).session(session)
        .header("Authorization", finance)).andExpect(status().isConflict());

    mvc.perform(post("/staff/outbox/" + lost + "/resend").param("csrf", csrf).session(session)
        .header("Authorization", finance)).andExpect(status().is3xxRedirection());
    OutboxMail resent = outbox.find(lost).orElseThrow();
    assertThat(resent).extracting(OutboxMail::status, OutboxMail::repeats).containsExactly(OutboxMail.PENDING, 1);
    assertThat(resent.lastError()).contains("finance 要求重新发送", "Message-ID 不变");

    String after = page(mvc.perform(get("/staff/outbox/" + delivered).session(session).header("Authorization", finance))
        .andReturn());
    assertThat(after).contains("由 <span>finance</span> 于").doesNotContain("/confirm-delivered");
    assertThat(page(mvc.perform(get("/staff/outbox/" + lost).session(session).header("Authorization", finance))
        .andReturn())).contains("重新发送 <span>1</span> 次");
  }

  // ---------------------------------------------------------------- helpers

  static String page(org.springframework.test.web.servlet.MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /** A sender of its own (as another node would be), sending through {@code transport}. */
  OutboxSender node(MailTransport transport, int senders) {
    return new OutboxSender(outbox, transport, properties.withSending(20, senders, 5, Duration.ZERO, "test-node"),
        transaction);
  }

  /** SMTP to the fake server, waiting {@code dataTimeout} for each reply. */
  static SmtpMailTransport smtpTo(FakeSmtpServer server, Duration dataTimeout) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    mail.setPort(server.port());
    mail.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "5000");
    return new SmtpMailTransport(mail, "contracts@bpo.example.com", dataTimeout);
  }

  static String state(OutboxMail mail) {
    return mail.status() + (mail.sendingSince() != null ? "+started" : "");
  }

  /** Records the outbox as another connection sees it (committed rows only) as each e-mail goes out. */
  static final class Snooping implements MailTransport {
    final MailTransport delegate;
    final MailOutbox outbox;
    final List<List<OutboxMail>> seen = new CopyOnWriteArrayList<>();

    Snooping(MailTransport delegate, MailOutbox outbox) {
      this.delegate = delegate;
      this.outbox = outbox;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public void deliver(OutboxMail mail) throws Exception {
      snoop();
      delegate.deliver(mail);
    }

    @Override
    public Batch openBatch() {
      Batch batch = delegate.openBatch();
      return new Batch() {
        @Override
        public void deliver(OutboxMail mail) throws Exception {
          snoop();
          batch.deliver(mail);
        }

        @Override
        public void close() {
          batch.close();
        }
      };
    }

    private void snoop() throws Exception {
      seen.add(CompletableFuture.supplyAsync(outbox::findAll).get(30, TimeUnit.SECONDS));
    }
  }
}
