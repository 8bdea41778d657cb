package com.bpocontractflow.mail;

import java.time.OffsetDateTime;

/** One e-mail in the outbox. */
public record OutboxMail(
    long id,
    String messageId,
    String contractNumber,
    String template,
    String recipient,
    String subject,
    String bodyHtml,
    String bodyText,
    String status,
    int attempts,
    OffsetDateTime nextAttemptAt,
    String lastError,
    String deliveredVia,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt,
    String sentBy) {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
}
