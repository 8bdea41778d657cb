package com.bpocontractflow.mail;

import java.time.OffsetDateTime;
import java.util.List;

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
    String sentBy,
    /** While SENDING: until when the claim holds; after it another node may take the e-mail back. */
    OffsetDateTime leaseUntil,
    /** The node and claim token that took the e-mail last. */
    String claimedBy,
    /** While SENDING: when its SMTP exchange started (null: claimed, not yet attempted). */
    OffsetDateTime sendingSince,
    /** How often it was sent again after an attempt whose outcome was unknown (same Message-ID each time). */
    int repeats,
    /** The staff member who confirmed an UNKNOWN e-mail as delivered. */
    String confirmedBy) {

  /** Waiting for its (next) attempt. */
  public static final String PENDING = "PENDING";
  /** Claimed by a sender, until its lease ends. */
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";
  /** Every attempt used; waits for an operator's retry. */
  public static final String FAILED = "FAILED";
  /**
   * The SMTP server had the whole e-mail but did not confirm it: it may or may not have been delivered. Not
   * sent again by itself; an operator confirms it or sends it again.
   */
  public static final String UNKNOWN = "UNKNOWN";

  /**
   * Not known to be delivered and not given up: waiting, being sent, or waiting for an operator's decision
   * (the retention job keeps a contract's e-mails while one of them is in one of these).
   */
  public static final List<String> OPEN = List.of(PENDING, SENDING, UNKNOWN);

  /** The status as staff read it. */
  public String statusLabel() {
    return labelOf(status);
  }

  /** How it was delivered, as staff read it (the transport's short name stays in {@link #deliveredVia}). */
  public String deliveredViaLabel() {
    if (deliveredVia == null) {
      return "";
    }
    return switch (deliveredVia) {
      case "log" -> "仅记录（未配置邮件服务器）";
      case "smtp" -> "邮件服务器（SMTP）";
      case "smtps" -> "邮件服务器（SMTPS，加密）";
      default -> "邮件服务器（" + deliveredVia + "）";
    };
  }

  /** An outbox status as staff read it. */
  public static String labelOf(String status) {
    return switch (status) {
      case PENDING -> "待发送";
      case SENDING -> "发送中";
      case SENT -> "已发送";
      case FAILED -> "发送失败";
      case UNKNOWN -> "结果未知";
      default -> status;
    };
  }
}
