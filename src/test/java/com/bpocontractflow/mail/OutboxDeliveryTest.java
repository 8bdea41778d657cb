package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.ShopPlatform;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server that is down, comes back, or never does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:outbox-delivery-test;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "spring.mail.port=3126",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000",
    "bpo.mail.sender-enabled=false",
    "bpo.mail.max-attempts=3",
    "bpo.mail.first-retry-delay=PT0S",
    "camunda.bpm.job-execution.enabled=false"})
class OutboxDeliveryTest {

  static final ServerSetup SMTP = new ServerSetup(3126, "localhost", ServerSetup.PROTOCOL_SMTP);

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

  GreenMail smtp;

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
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

    smtp = new GreenMail(SMTP).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
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
  void shouldMarkAnEmailFailedAfterTheLastAttemptAndLetAnOperatorRetryIt() throws Exception {
    enqueue("丁店");
    for (int i = 0; i < 3; i++) {
      sender.sendDue();
    }
    OutboxMail failed = outbox.findAll().get(0);
    assertThat(failed.status()).isEqualTo(OutboxMail.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(sender.sendDue()).as("a FAILED e-mail is not retried by itself").isZero();

    assertThat(outbox.retry(failed.id())).isTrue();
    smtp = new GreenMail(SMTP).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
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
  void shouldBackOffExponentially() {
    OutboxSender withDelay = new OutboxSender(outbox, null,
        new MailProperties("a@b.cn", true, java.time.Duration.ofSeconds(2), 20, 8, java.time.Duration.ofSeconds(30)),
        transaction);
    assertThat(withDelay.backoff(1)).hasSeconds(30);
    assertThat(withDelay.backoff(2)).hasSeconds(60);
    assertThat(withDelay.backoff(5)).hasSeconds(480);
    assertThat(withDelay.backoff(30)).hasHours(6);
  }
}
