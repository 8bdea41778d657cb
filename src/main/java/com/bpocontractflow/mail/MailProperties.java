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
    @DefaultValue("node") String nodeName) {
}
