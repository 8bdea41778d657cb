package com.bpocontractflow.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivers through SMTP. Every attempt for one outbox row carries the same Message-ID, so a retry after an
 * unclear SMTP answer can be recognised as the same e-mail by the receiving side.
 */
class SmtpMailTransport implements MailTransport {

  private final JavaMailSenderImpl sender;
  private final String from;

  SmtpMailTransport(JavaMailSenderImpl sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public void deliver(OutboxMail mail) throws MessagingException {
    MimeMessage message = new FixedIdMimeMessage(sender.getSession(), mail.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    sender.send(message);
  }

  /** A MimeMessage whose Message-ID is the outbox's, not a new one per attempt. */
  private static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
