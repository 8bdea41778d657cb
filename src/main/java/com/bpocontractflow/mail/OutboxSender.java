package com.bpocontractflow.mail;

import com.bpocontractflow.validation.Clocks;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after the steps that wrote it have committed. Each e-mail is taken under a row lock
 * ({@code FOR UPDATE SKIP LOCKED}), so several nodes can run it at once and each e-mail goes to one of
 * them. A failed delivery is retried with exponential backoff; after {@code bpo.mail.max-attempts} the
 * e-mail is FAILED, logged as an error and waits for an operator's retry.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration MAX_DELAY = Duration.ofHours(6);
  /** The logging-context key of the contract number, the same the engine uses (see application.yaml). */
  static final String CONTRACT_NUMBER_KEY = "contractNumber";

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final MailProperties properties;
  private final TransactionTemplate transaction;

  public OutboxSender(MailOutbox outbox, MailTransport transport, MailProperties properties,
      TransactionTemplate transaction) {
    this.outbox = outbox;
    this.transport = transport;
    this.properties = properties;
    this.transaction = transaction;
  }

  @Scheduled(fixedDelayString = "${bpo.mail.poll-interval:PT2S}", initialDelayString = "PT5S")
  void poll() {
    if (!properties.senderEnabled()) {
      return;
    }
    try {
      while (sendDue() == properties.batchSize()) {
        // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox delivery round failed, will try again: {}", e.toString());
    }
  }

  /**
   * Delivers up to one batch of due e-mails, each in its own transaction: the row stays locked while it is
   * sent and is marked SENT as soon as the SMTP server accepted it, so a crash can repeat at most the one
   * e-mail in flight (with the same Message-ID). Returns how many were attempted.
   */
  public int sendDue() {
    // only e-mails due before this round: one that fails now is retried in a later round, not in this one
    OffsetDateTime roundStart = OffsetDateTime.now(Clocks.ZONE);
    int attempted = 0;
    while (attempted < properties.batchSize()
        && Boolean.TRUE.equals(transaction.execute(status -> sendOne(roundStart)))) {
      attempted++;
    }
    return attempted;
  }

  private boolean sendOne(OffsetDateTime dueBefore) {
    List<OutboxMail> due = outbox.lockDue(1, dueBefore);
    if (due.isEmpty()) {
      return false;
    }
    deliver(due.get(0));
    return true;
  }

  private void deliver(OutboxMail mail) {
    MDC.put(CONTRACT_NUMBER_KEY, mail.contractNumber());
    try {
      transport.deliver(mail);
      outbox.markSent(mail.id(), transport.name(), properties.nodeName());
    } catch (Exception e) {
      int attempt = mail.attempts() + 1;
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (attempt >= properties.maxAttempts()) {
        outbox.markAttemptFailed(mail.id(), error, null);
        LOG.error("E-mail {} for contract {} FAILED after {} attempts: {}", mail.id(), mail.contractNumber(),
            attempt, error);
      } else {
        Duration retryIn = backoff(attempt);
        outbox.markAttemptFailed(mail.id(), error, retryIn);
        LOG.warn("E-mail {} for contract {} not delivered (attempt {}), retry in {}: {}", mail.id(),
            mail.contractNumber(), attempt, retryIn, error);
      }
    } finally {
      MDC.remove(CONTRACT_NUMBER_KEY);
    }
  }

  /** firstRetryDelay, doubled per attempt, at most six hours. */
  Duration backoff(int attempt) {
    Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
