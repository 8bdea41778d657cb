package com.bpocontractflow.mail;

import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after the steps that wrote it have committed.
 *
 * <p>A batch is claimed in a short transaction: up to {@code bpo.mail.batch-size} due e-mails become
 * SENDING under a lease ({@code bpo.mail.lease}) and a claim token of this node, and the transaction
 * commits. The batch then goes over one SMTP connection without any transaction or lock held; each
 * e-mail is recorded as started just before its SMTP exchange (renewing its lease) and marked SENT as
 * soon as the server accepted it, so a crash repeats at most the one e-mail in flight, with the same
 * Message-ID. Several nodes, and {@code bpo.mail.senders} batches per node, run at once: the claim skips
 * rows another claim holds, and a slow SMTP exchange holds up only its own batch.
 *
 * <p>Outcomes, each recorded on the e-mail and logged with its id and contract number:
 * <ul>
 *   <li>accepted: SENT;
 *   <li>failed before the server had the whole e-mail: retried with exponential backoff; after
 *       {@code bpo.mail.max-attempts} FAILED, logged as an error, waiting for an operator's retry;
 *   <li>the server had the whole e-mail but gave no answer: UNKNOWN, logged as an error, never sent again
 *       by itself: an operator confirms it or sends it again (outbox page);
 *   <li>a lease that expired while SENDING (the node stopped): the next claim puts the e-mail back; if
 *       its exchange had started, that counts as a repeat ({@code repeats}, a WARN line, the e-mail's
 *       {@code last_error}).
 * </ul>
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration MAX_DELAY = Duration.ofHours(6);
  /** At most this many expired leases are taken back per claim (more: by the next ones). */
  private static final int RECLAIM_LIMIT = 100;
  /** How long a stopping node lets its senders finish the e-mail each is sending. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(20);
  /** The logging-context key of the contract number, the same the engine uses (see application.yaml). */
  static final String CONTRACT_NUMBER_KEY = "contractNumber";

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final MailProperties properties;
  private final TransactionTemplate transaction;
  private final ThreadPoolExecutor senders;
  private final Semaphore freeSenders;
  private final Set<String> activeClaims = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private volatile boolean stopping;

  public OutboxSender(MailOutbox outbox, MailTransport transport, MailProperties properties,
      TransactionTemplate transaction) {
    this.outbox = outbox;
    this.transport = transport;
    this.properties = properties;
    this.transaction = transaction;
    AtomicInteger threads = new AtomicInteger();
    this.senders = new ThreadPoolExecutor(properties.senders(), properties.senders(), 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "outbox-sender-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.senders.allowCoreThreadTimeOut(true);
    this.freeSenders = new Semaphore(properties.senders());
  }

  /**
   * Starts a sender for each one of {@code bpo.mail.senders} that is idle; each claims and sends batches
   * until one is not full. Does not wait for them: a sender held up by a slow server keeps its place while
   * the next polls keep the others going.
   */
  @Scheduled(fixedDelayString = "${bpo.mail.poll-interval:PT2S}", initialDelayString = "PT5S")
  void poll() {
    if (!properties.senderEnabled() || stopping) {
      return;
    }
    while (freeSenders.tryAcquire()) {
      try {
        senders.execute(this::sendWhileFull);
      } catch (RejectedExecutionException stopped) {
        freeSenders.release();
        return;
      }
    }
  }

  private void sendWhileFull() {
    try {
      while (!stopping && sendDue() == properties.batchSize()) {
        // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox delivery round failed, will try again: {}", e.toString());
    } finally {
      freeSenders.release();
    }
  }

  /**
   * Claims one batch of due e-mails (taking back expired leases first) and sends it in the calling thread.
   * Returns how many e-mails were claimed.
   */
  public int sendDue() {
    if (stopping) {
      return 0;
    }
    OffsetDateTime now = now();
    String token = claimToken();
    Claim claim = transaction.execute(status -> {
      List<OutboxMail> reclaimed = outbox.lockExpiredLeases(now, RECLAIM_LIMIT);
      reclaimed.forEach(mail -> outbox.reclaim(mail, now));
      return new Claim(reclaimed,
          outbox.claimDue(properties.batchSize(), now, now.plus(properties.lease()), token));
    });
    claim.reclaimed().forEach(this::logReclaimed);
    if (claim.mails().isEmpty()) {
      return 0;
    }
    activeClaims.add(token);
    try (MailTransport.Batch batch = transport.openBatch()) {
      for (OutboxMail mail : claim.mails()) {
        if (stopping) {
          break;
        }
        deliver(batch, mail, token);
      }
    } finally {
      releaseUnstarted(token);
      activeClaims.remove(token);
    }
    return claim.mails().size();
  }

  private record Claim(List<OutboxMail> reclaimed, List<OutboxMail> mails) {
  }

  private void deliver(MailTransport.Batch batch, OutboxMail mail, String token) {
    MDC.put(CONTRACT_NUMBER_KEY, mail.contractNumber());
    try {
      OffsetDateTime start = now();
      if (!outbox.startSending(mail.id(), token, start, start.plus(properties.lease()))) {
        LOG.warn("E-mail {} for contract {} not sent by claim {}: its lease had ended and another sender took it",
            mail.id(), mail.contractNumber(), token);
        return;
      }
      try {
        batch.deliver(mail);
      } catch (MailTransport.OutcomeUnknownException e) {
        unknown(mail, token, e);
        return;
      } catch (Exception e) {
        failed(mail, token, e);
        return;
      }
      if (!outbox.markSent(mail.id(), token, transport.name(), properties.nodeName())) {
        lostClaim(mail, token, "accepted by the SMTP server");
      }
    } finally {
      MDC.remove(CONTRACT_NUMBER_KEY);
    }
  }

  private void failed(OutboxMail mail, String token, Exception e) {
    int attempt = mail.attempts() + 1;
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    boolean recorded;
    if (attempt >= properties.maxAttempts()) {
      recorded = outbox.markAttemptFailed(mail.id(), token, error, null);
      LOG.error("E-mail {} (Message-ID {}) for contract {} FAILED after {} attempts: {}", mail.id(),
          mail.messageId(), mail.contractNumber(), attempt, error);
    } else {
      Duration retryIn = backoff(attempt);
      recorded = outbox.markAttemptFailed(mail.id(), token, error, retryIn);
      LOG.warn("E-mail {} (Message-ID {}) for contract {} not delivered (attempt {}), retry in {}: {}", mail.id(),
          mail.messageId(), mail.contractNumber(), attempt, retryIn, error);
    }
    if (!recorded) {
      lostClaim(mail, token, "not delivered");
    }
  }

  private void unknown(OutboxMail mail, String token, MailTransport.OutcomeUnknownException e) {
    String cause = e.getCause() == null ? e.getMessage() : e.getCause().toString();
    String error = "发送结果未知：邮件内容已全部交给邮件服务器，但"
        + (e.waited() == null ? "" : "在 " + readable(e.waited()) + "内") + "没有收到服务器的确认（等待超时或连接中断）。邮件可能已送达，也可能没有；为免商家收到两封相同的邮件，"
        + "系统不会自动重发。请向收件人或邮件服务商核实后，在发件箱中选择“确认已送达”或“重新发送”（Message-ID 不变）。"
        + "技术信息：" + cause;
    boolean recorded = outbox.markUnknown(mail.id(), token, error, transport.name(), properties.nodeName());
    LOG.error("E-mail {} (Message-ID {}) for contract {}: outcome UNKNOWN, the SMTP server had the whole e-mail "
            + "but did not answer (waited {}); not sent again by itself, an operator confirms or resends it on the "
            + "outbox page: {}", mail.id(), mail.messageId(), mail.contractNumber(), e.waited(), cause);
    if (!recorded) {
      lostClaim(mail, token, "of unknown outcome");
    }
  }

  /** The e-mail's lease ended during its exchange and another claim took it: it may go twice. */
  private void lostClaim(OutboxMail mail, String token, String outcome) {
    LOG.warn("E-mail {} (Message-ID {}) for contract {} was {} after claim {} had lost it (its lease ended): "
            + "another sender took it back and may send it again (counted in its repeats); raise bpo.mail.lease",
        mail.id(), mail.messageId(), mail.contractNumber(), outcome, token);
  }

  private void logReclaimed(OutboxMail mail) {
    MDC.put(CONTRACT_NUMBER_KEY, mail.contractNumber());
    try {
      if (mail.sendingSince() != null) {
        LOG.warn("E-mail {} (Message-ID {}) for contract {}: outcome unknown, claim {} stopped while sending it "
                + "(since {}, lease until {}); sent again with the same Message-ID (repeat {})", mail.id(),
            mail.messageId(), mail.contractNumber(), mail.claimedBy(), mail.sendingSince(), mail.leaseUntil(),
            mail.repeats() + 1);
      } else {
        LOG.info("E-mail {} for contract {}: claim {} ended (lease until {}) before sending it; back in the queue",
            mail.id(), mail.contractNumber(), mail.claimedBy(), mail.leaseUntil());
      }
    } finally {
      MDC.remove(CONTRACT_NUMBER_KEY);
    }
  }

  private void releaseUnstarted(String token) {
    try {
      int released = outbox.releaseUnstarted(token);
      if (released > 0) {
        LOG.info("{} e-mail(s) of claim {} not attempted (sender stopping), back in the queue", released, token);
      }
    } catch (RuntimeException e) {
      LOG.warn("E-mails of claim {} not attempted stay SENDING until their lease ends: {}", token, e.toString());
    }
  }

  /**
   * Stops the senders: no new claim; each finishes the e-mail it is sending and puts the rest of its batch
   * back. One still waiting for a server after {@link #STOP_WAIT} is left: its e-mail stays SENDING and is
   * taken back, as a repeat, when its lease ends.
   */
  @PreDestroy
  public void stop() {
    stopping = true;
    senders.shutdown();
    try {
      if (!senders.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        activeClaims.forEach(this::releaseUnstarted);
        LOG.warn("Outbox senders still waiting for the SMTP server at shutdown: claims {}; their e-mail in "
            + "flight is sent again after its lease ({})", activeClaims, properties.lease());
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** firstRetryDelay, doubled per attempt, at most six hours. */
  Duration backoff(int attempt) {
    Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private String claimToken() {
    String node = properties.nodeName();
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return (node.length() > 100 ? node.substring(0, 100) : node) + "/" + HexFormat.of().formatHex(bytes);
  }

  private static OffsetDateTime now() {
    return MailOutbox.now();
  }

  /** A duration as staff read it: 10 分钟, 30 秒, 500 毫秒. */
  static String readable(Duration duration) {
    if (duration.toMillis() % 60_000 == 0) {
      return duration.toMinutes() + " 分钟";
    }
    if (duration.toMillis() % 1_000 == 0) {
      return duration.toSeconds() + " 秒";
    }
    return duration.toMillis() + " 毫秒";
  }
}
