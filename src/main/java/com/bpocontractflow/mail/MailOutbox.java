package com.bpocontractflow.mail;

import com.bpocontractflow.common.Clocks;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. {@link #enqueue} joins the caller's transaction, so an e-mail exists
 * exactly when the process step that caused it committed.
 *
 * <p>Delivery (see {@link OutboxSender}): {@link #claimDue} sets a batch SENDING under a lease in a short
 * transaction; each e-mail is then {@link #startSending started}, sent without a transaction and marked
 * {@link #markSent SENT}, {@link #markAttemptFailed failed} or {@link #markUnknown UNKNOWN} in its own small
 * update. Those updates apply only while the claim (its token in {@code claimed_by}) still holds the row,
 * so a sender whose lease ran out never overwrites what another one did since.
 */
@Repository
public class MailOutbox {

  private static final DataClassRowMapper<OutboxMail> MAPPER = new DataClassRowMapper<>(OutboxMail.class);
  private static final String MESSAGE_ID_DOMAIN = "bpo-contract-flow";
  private static final int MAX_ERROR_LENGTH = 2000;

  /**
   * The claim's query: the due PENDING e-mails in the order of the index {@code ix_mail_outbox_claim}
   * (status, next_attempt_at, id), so its cost does not grow with the SENT rows. SKIP LOCKED: rows another
   * sender is claiming at this moment are left to it.
   */
  static final String CLAIM_DUE = """
      SELECT * FROM mail_outbox
      WHERE status = :status AND next_attempt_at <= :now
      ORDER BY next_attempt_at, id
      LIMIT :limit
      FOR UPDATE SKIP LOCKED
      """;

  /** What a reclaimed e-mail that was in flight says about itself (the page shows it). */
  static final String REPEAT_AFTER_LOST_LEASE = "上次发送结果未知（节点在发送中停止），重新发送，Message-ID 不变";

  private final JdbcClient jdbc;

  public MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String enqueue(String contractNumber, String template, String recipient, RenderedMail mail) {
    OffsetDateTime now = now();
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

  // ---------------------------------------------------------------- claiming (in the caller's transaction)

  /**
   * Locks up to {@code limit} SENDING e-mails whose lease ended before {@code now}: their sender stopped
   * (or outlived its lease). Rows another sender is reclaiming are skipped.
   */
  public List<OutboxMail> lockExpiredLeases(OffsetDateTime now, int limit) {
    return jdbc.sql("""
            SELECT * FROM mail_outbox
            WHERE status = :sending AND lease_until < :now
            ORDER BY next_attempt_at, id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
        .param("sending", OutboxMail.SENDING).param("now", now).param("limit", limit)
        .query(MAPPER).list();
  }

  /**
   * Puts an e-mail whose lease expired back in the queue, due now. One that was in flight (its SMTP
   * exchange had started) counts as an attempt and a repeat: whether the server got it is unknown, it
   * goes again with the same Message-ID, and {@link #REPEAT_AFTER_LOST_LEASE} says so. One that was only
   * claimed just goes back.
   */
  public void reclaim(OutboxMail mail, OffsetDateTime now) {
    if (mail.sendingSince() == null) {
      jdbc.sql("""
              UPDATE mail_outbox SET status = :pending, next_attempt_at = :now, lease_until = NULL
              WHERE id = :id AND status = :sending
              """)
          .param("pending", OutboxMail.PENDING).param("sending", OutboxMail.SENDING).param("now", now)
          .param("id", mail.id()).update();
      return;
    }
    jdbc.sql("""
            UPDATE mail_outbox SET status = :pending, next_attempt_at = :now, lease_until = NULL,
              sending_since = NULL, attempts = attempts + 1, repeats = repeats + 1, last_error = :note
            WHERE id = :id AND status = :sending
            """)
        .param("pending", OutboxMail.PENDING).param("sending", OutboxMail.SENDING).param("now", now)
        .param("note", REPEAT_AFTER_LOST_LEASE).param("id", mail.id()).update();
  }

  /**
   * Locks up to {@code limit} due PENDING e-mails (oldest due first) and sets them SENDING for the claim
   * {@code token} until {@code leaseUntil}. The caller's transaction should commit at once: the rows are
   * then the claim's, by their status, not by a lock.
   */
  public List<OutboxMail> claimDue(int limit, OffsetDateTime now, OffsetDateTime leaseUntil, String token) {
    List<OutboxMail> due = jdbc.sql(CLAIM_DUE)
        .param("status", OutboxMail.PENDING).param("now", now).param("limit", limit)
        .query(MAPPER).list();
    if (!due.isEmpty()) {
      jdbc.sql("""
              UPDATE mail_outbox SET status = :sending, lease_until = :leaseUntil, claimed_by = :token,
                sending_since = NULL
              WHERE id IN (:ids)
              """)
          .param("sending", OutboxMail.SENDING).param("leaseUntil", leaseUntil).param("token", token)
          .param("ids", due.stream().map(OutboxMail::id).toList()).update();
    }
    return due;
  }

  // ---------------------------------------------------------------- one e-mail of a claim (each its own update)

  /**
   * Records that the e-mail's SMTP exchange starts now and renews its lease. False when the claim no longer
   * holds it (its lease expired and another sender took it back): then it must not be sent.
   */
  public boolean startSending(long id, String token, OffsetDateTime now, OffsetDateTime leaseUntil) {
    return jdbc.sql("""
            UPDATE mail_outbox SET sending_since = :now, lease_until = :leaseUntil
            WHERE id = :id AND claimed_by = :token AND status = :sending
            """)
        .param("now", now).param("leaseUntil", leaseUntil).param("id", id).param("token", token)
        .param("sending", OutboxMail.SENDING).update() == 1;
  }

  /** The SMTP server accepted the e-mail. False when the claim had lost it meanwhile. */
  public boolean markSent(long id, String token, String deliveredVia, String node) {
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :sent, attempts = attempts + 1, sent_at = :now,
              delivered_via = :via, sent_by = :node, last_error = NULL, lease_until = NULL, sending_since = NULL
            WHERE id = :id AND claimed_by = :token AND status = :sending
            """)
        .param("sent", OutboxMail.SENT).param("now", now())
        .param("via", deliveredVia).param("node", node).param("id", id).param("token", token)
        .param("sending", OutboxMail.SENDING).update() == 1;
  }

  /**
   * Records a failed attempt: retried after {@code retryIn}, or FAILED when {@code retryIn} is null. False
   * when the claim had lost the e-mail meanwhile.
   */
  public boolean markAttemptFailed(long id, String token, String error, Duration retryIn) {
    OffsetDateTime now = now();
    return jdbc.sql("""
            UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error, status = :status,
              next_attempt_at = :next, lease_until = NULL, sending_since = NULL
            WHERE id = :id AND claimed_by = :token AND status = :sending
            """)
        .param("error", truncate(error))
        .param("status", retryIn == null ? OutboxMail.FAILED : OutboxMail.PENDING)
        .param("next", retryIn == null ? now : now.plus(retryIn))
        .param("id", id).param("token", token).param("sending", OutboxMail.SENDING).update() == 1;
  }

  /**
   * The SMTP server had the whole e-mail but its answer never came: UNKNOWN, not sent again by itself.
   * False when the claim had lost the e-mail meanwhile.
   */
  public boolean markUnknown(long id, String token, String error, String via, String node) {
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :unknown, attempts = attempts + 1, last_error = :error,
              delivered_via = :via, sent_by = :node, lease_until = NULL, sending_since = NULL
            WHERE id = :id AND claimed_by = :token AND status = :sending
            """)
        .param("unknown", OutboxMail.UNKNOWN).param("error", truncate(error)).param("via", via)
        .param("node", node).param("id", id).param("token", token).param("sending", OutboxMail.SENDING)
        .update() == 1;
  }

  /** Puts the e-mails of a claim that were never attempted back in the queue (a sender stopping). */
  public int releaseUnstarted(String token) {
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :pending, lease_until = NULL
            WHERE claimed_by = :token AND status = :sending AND sending_since IS NULL
            """)
        .param("pending", OutboxMail.PENDING).param("token", token).param("sending", OutboxMail.SENDING)
        .update();
  }

  // ---------------------------------------------------------------- an operator's actions

  /** Puts a FAILED e-mail back in the queue (an operator's retry). */
  public boolean retry(long id) {
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :pending, attempts = 0, next_attempt_at = :now
            WHERE id = :id AND status = :failed
            """)
        .param("pending", OutboxMail.PENDING).param("failed", OutboxMail.FAILED)
        .param("now", now()).param("id", id).update() == 1;
  }

  /**
   * An operator found out that an UNKNOWN e-mail did arrive: SENT, with who confirmed it and when
   * ({@code sent_at}); the error that made it UNKNOWN stays for the record.
   */
  public boolean confirmDelivered(long id, String user) {
    OffsetDateTime now = now();
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :sent, sent_at = :now, confirmed_by = :user
            WHERE id = :id AND status = :unknown
            """)
        .param("sent", OutboxMail.SENT).param("unknown", OutboxMail.UNKNOWN).param("now", now)
        .param("user", user).param("id", id).update() == 1;
  }

  /**
   * An operator sends an UNKNOWN e-mail again (same Message-ID): back in the queue, due now, counted as a
   * repeat.
   */
  public boolean resendUnknown(long id, String user) {
    return jdbc.sql("""
            UPDATE mail_outbox SET status = :pending, next_attempt_at = :now, repeats = repeats + 1,
              last_error = :note
            WHERE id = :id AND status = :unknown
            """)
        .param("pending", OutboxMail.PENDING).param("unknown", OutboxMail.UNKNOWN)
        .param("now", now())
        .param("note", "上次发送结果未知，" + user + " 要求重新发送，Message-ID 不变（收件人可能收到两封相同的邮件）")
        .param("id", id).update() == 1;
  }

  // ---------------------------------------------------------------- reading

  public List<OutboxMail> findByContract(String contractNumber) {
    return jdbc.sql("SELECT * FROM mail_outbox WHERE contract_number = :number ORDER BY id")
        .param("number", contractNumber).query(MAPPER).list();
  }

  public Optional<OutboxMail> find(long id) {
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

  /**
   * The e-mails not (known to be) delivered, by status, and the creation time of the oldest one waiting or
   * being sent (null when none). Reads only the index entries of those statuses, not the SENT rows.
   */
  public Backlog backlog() {
    long pending = 0;
    long sending = 0;
    long unknown = 0;
    long failed = 0;
    OffsetDateTime oldestWaiting = null;
    List<StatusCount> counts = jdbc.sql("""
            SELECT status, COUNT(*) AS mails, MIN(created_at) AS oldest FROM mail_outbox
            WHERE status IN (:statuses) GROUP BY status
            """)
        .param("statuses", List.of(OutboxMail.PENDING, OutboxMail.SENDING, OutboxMail.UNKNOWN, OutboxMail.FAILED))
        .query((rs, i) -> new StatusCount(rs.getString("status"), rs.getLong("mails"),
            rs.getObject("oldest", OffsetDateTime.class)))
        .list();
    for (StatusCount count : counts) {
      switch (count.status()) {
        case OutboxMail.PENDING -> pending = count.mails();
        case OutboxMail.SENDING -> sending = count.mails();
        case OutboxMail.UNKNOWN -> unknown = count.mails();
        default -> failed = count.mails();
      }
      boolean waiting = count.status().equals(OutboxMail.PENDING) || count.status().equals(OutboxMail.SENDING);
      if (waiting && (oldestWaiting == null || count.oldest().isBefore(oldestWaiting))) {
        oldestWaiting = count.oldest();
      }
    }
    return new Backlog(pending, sending, unknown, failed, oldestWaiting);
  }

  private record StatusCount(String status, long mails, OffsetDateTime oldest) {
  }

  /** The outbox's backlog. */
  public record Backlog(long pending, long sending, long unknown, long failed, OffsetDateTime oldestWaiting) {
  }

  public long countByStatus(String status) {
    return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = :status")
        .param("status", status).query(Long.class).single();
  }

  /**
   * Now, to the microsecond: what both databases store. A finer value would be rounded when stored, maybe
   * up, and an e-mail made due "now" would then not be due to a claim at that same "now".
   */
  static OffsetDateTime now() {
    return OffsetDateTime.now(Clocks.ZONE).truncatedTo(ChronoUnit.MICROS);
  }

  private static String truncate(String error) {
    return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
  }
}
