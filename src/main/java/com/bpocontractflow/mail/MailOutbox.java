package com.bpocontractflow.mail;

import com.bpocontractflow.validation.Clocks;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. {@link #enqueue} joins the caller's transaction, so an e-mail exists
 * exactly when the process step that caused it committed.
 */
@Repository
public class MailOutbox {

  private static final DataClassRowMapper<OutboxMail> MAPPER = new DataClassRowMapper<>(OutboxMail.class);
  private static final String MESSAGE_ID_DOMAIN = "bpo-contract-flow";

  private final JdbcClient jdbc;

  public MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String enqueue(String contractNumber, String template, String recipient, RenderedMail mail) {
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    String messageId = "<" + UUID.randomUUID() + "@" + MESSAGE_ID_DOMAIN + ">";
    jdbc.sql("""
            INSERT INTO mail_outbox (message_id, contract_number, template, recipient, subject, body_html,
              body_text, status, attempts, next_attempt_at, created_at)
            VALUES (:messageId, :contractNumber, :template, :recipient, :subject, :html, :text, :status, 0,
              :now, :now)
            """)
        .param("messageId", messageId)
        .param("contractNumber", contractNumber)
        .param("template", template)
        .param("recipient", recipient)
        .param("subject", mail.subject())
        .param("html", mail.html())
        .param("text", mail.text())
        .param("status", OutboxMail.PENDING)
        .param("now", now)
        .update();
    return messageId;
  }

  /**
   * Locks up to {@code limit} e-mails due before {@code dueBefore} for the current transaction. Rows locked
   * by another node are skipped, so several senders never take the same e-mail.
   */
  public List<OutboxMail> lockDue(int limit, OffsetDateTime dueBefore) {
    return jdbc.sql("""
            SELECT * FROM mail_outbox
            WHERE status = :status AND next_attempt_at < :dueBefore
            ORDER BY id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
        .param("status", OutboxMail.PENDING)
        .param("dueBefore", dueBefore)
        .param("limit", limit)
        .query(MAPPER).list();
  }

  public void markSent(long id, String deliveredVia, String node) {
    jdbc.sql("""
            UPDATE mail_outbox SET status = :status, attempts = attempts + 1, sent_at = :now,
              delivered_via = :via, sent_by = :node, last_error = NULL WHERE id = :id
            """)
        .param("status", OutboxMail.SENT).param("now", OffsetDateTime.now(Clocks.ZONE))
        .param("via", deliveredVia).param("node", node).param("id", id).update();
  }

  /** Records a failed attempt: retried after {@code retryIn}, or FAILED when {@code retryIn} is null. */
  public void markAttemptFailed(long id, String error, Duration retryIn) {
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    jdbc.sql("""
            UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error, status = :status,
              next_attempt_at = :next WHERE id = :id
            """)
        .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
        .param("status", retryIn == null ? OutboxMail.FAILED : OutboxMail.PENDING)
        .param("next", retryIn == null ? now : now.plus(retryIn))
        .param("id", id).update();
  }

  /** Puts a FAILED e-mail back in the queue (an operator's retry). */
  public boolean retry(long id) {
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :pending, attempts = 0, next_attempt_at = :now
            WHERE id = :id AND status = :failed
            """)
        .param("pending", OutboxMail.PENDING).param("failed", OutboxMail.FAILED)
        .param("now", OffsetDateTime.now(Clocks.ZONE)).param("id", id).update() == 1;
  }

  public List<OutboxMail> findByContract(String contractNumber) {
    return jdbc.sql("SELECT * FROM mail_outbox WHERE contract_number = :number ORDER BY id")
        .param("number", contractNumber).query(MAPPER).list();
  }

  public java.util.Optional<OutboxMail> find(long id) {
    return jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id").param("id", id).query(MAPPER).optional();
  }

  /** The newest e-mails first. */
  public List<OutboxMail> findRecent(int limit) {
    return jdbc.sql("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit").param("limit", limit)
        .query(MAPPER).list();
  }

  public List<OutboxMail> findAll() {
    return jdbc.sql("SELECT * FROM mail_outbox ORDER BY id").query(MAPPER).list();
  }

  /** Pending and failed counts and the creation time of the oldest pending e-mail (null when none). */
  public Backlog backlog() {
    return jdbc.sql("""
            SELECT SUM(CASE WHEN status = :pending THEN 1 ELSE 0 END) AS pending,
                   SUM(CASE WHEN status = :failed THEN 1 ELSE 0 END) AS failed,
                   MIN(CASE WHEN status = :pending THEN created_at END) AS oldest_pending
            FROM mail_outbox
            """)
        .param("pending", OutboxMail.PENDING).param("failed", OutboxMail.FAILED)
        .query((rs, i) -> new Backlog(rs.getLong("pending"), rs.getLong("failed"),
            rs.getObject("oldest_pending", OffsetDateTime.class)))
        .single();
  }

  /** The outbox's backlog. */
  public record Backlog(long pending, long failed, OffsetDateTime oldestPending) {
  }

  public long countByStatus(String status) {
    return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = :status")
        .param("status", status).query(Long.class).single();
  }
}
