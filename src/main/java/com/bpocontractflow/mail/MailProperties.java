package com.bpocontractflow.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code bpo.mail.*}: the sender address and the outbox's delivery and retry policy. */
@ConfigurationProperties("bpo.mail")
public record MailProperties(
    @DefaultValue("contracts@bpo.example.com") String from,
    @DefaultValue("true") boolean senderEnabled,
    @DefaultValue("PT2S") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT30S") Duration firstRetryDelay,
    /** This node's name, recorded with each e-mail it delivers. */
    @DefaultValue("node") String nodeName,
    /** How many batches this node sends at once, each over its own SMTP connection. */
    @DefaultValue("2") int senders,
    /**
     * How long a claimed e-mail stays this node's; renewed as each e-mail's SMTP exchange starts. After it,
     * another node takes it back. Must exceed the longest SMTP exchange, so more than {@code dataTimeout}.
     */
    @DefaultValue("PT15M") Duration lease,
    /** How long to wait for each SMTP reply, above all the one to the end of the data (RFC 5321: 10 min). */
    @DefaultValue("PT10M") Duration dataTimeout) {

  public MailProperties {
    if (batchSize < 1 || senders < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("bpo.mail.batch-size, senders and max-attempts must be at least 1");
    }
    if (lease.compareTo(dataTimeout) <= 0) {
      throw new IllegalArgumentException("bpo.mail.lease (" + lease + ") must be longer than bpo.mail.data-timeout ("
          + dataTimeout + "): another node would send an e-mail again while this one still waits for its answer");
    }
  }

  /** This configuration with other sender settings (tests and tools). */
  public MailProperties withSending(int batchSize, int senders, int maxAttempts, Duration firstRetryDelay,
      String nodeName) {
    return new MailProperties(from, true, pollInterval, batchSize, maxAttempts, firstRetryDelay, nodeName, senders,
        lease, dataTimeout);
  }
}
