package com.bpocontractflow.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outbox's delivery to a local SMTP sink (GreenMail): {@code pending} e-mails written at once into a
 * table that already holds {@code sent} delivered ones, drained by the application's senders; e-mails per
 * second, how many arrived, and repeats by Message-ID.
 */
final class OutboxBench {

  private OutboxBench() {
  }

  static Map<String, Object> run(Database server, int sent, int pending, boolean smtp) throws Exception {
    GreenMail sink = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    sink.start();
    Database database = server.fresh("bench_outbox");
    Map<String, Object> properties = new LinkedHashMap<>(Map.of(
        "camunda.bpm.job-execution.enabled", false,
        "bpo.mail.poll-interval", "PT0.2S"));
    if (smtp) {
      properties.put("spring.mail.host", "127.0.0.1");
      properties.put("spring.mail.port", sink.getSmtp().getPort());
    }
    try (Application app = Application.start(database, properties)) {
      insert(database, sent, "SENT");
      database.execute("ANALYZE mail_outbox");
      // the application's own senders (bpo.mail.senders) drain what one statement queued at once
      long start = System.nanoTime();
      insert(database, pending, "PENDING");
      while (database.queryLong("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'") > 0) {
        Thread.sleep(100); // polling the benchmark's own progress, not a test
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      MimeMessage[] received = sink.getReceivedMessages();
      Map<String, Long> byId = Arrays.stream(received).collect(Collectors.groupingBy(OutboxBench::messageId,
          Collectors.counting()));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("transport", smtp ? "smtp" : "log");
      row.put("sentRowsBefore", sent);
      row.put("emails", pending);
      row.put("seconds", Math.round(seconds * 10) / 10.0);
      row.put("emailsPerSecond", Math.round(pending / seconds));
      row.put("received", received.length);
      row.put("repeatedMessageIds", byId.values().stream().filter(n -> n > 1).count());
      System.out.println("outbox drain: " + row);
      return row;
    } finally {
      sink.stop();
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code count} e-mails of about 4 KB (a reminder's size) in one statement. */
  private static void insert(Database database, int count, String status) throws Exception {
    database.execute("""
        INSERT INTO mail_outbox (message_id, contract_number, template, recipient, subject, body_html, body_text,
          status, attempts, next_attempt_at, created_at, sent_at)
        SELECT '<bench-' || '%1$s-' || g || '@bpo-contract-flow>', 'BPO-2026-' || lpad(g::text, 6, '0'),
          'REMINDER', 'ops' || g || '@merchant.example.com', '【合同编号 BPO-2026-' || g || '】提醒：请确认合同条款',
          repeat('<p>尊敬的商家，您好：请确认合同条款。</p>', 60), repeat('尊敬的商家，您好：请确认合同条款。', 60),
          '%1$s', CASE WHEN '%1$s' = 'SENT' THEN 1 ELSE 0 END, now() - interval '1 minute', now(),
          CASE WHEN '%1$s' = 'SENT' THEN now() END
        FROM generate_series(1, %2$d) g
        """.formatted(status, count));
  }
}
