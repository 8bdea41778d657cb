package com.bpocontractflow.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, knowing whether the server has a whole e-mail whose answer has not come.
 *
 * <p>{@code sendMessage} writes the message after DATA's 354 reply, ends it with {@code "."} and reads the
 * reply to that. Only a failure while that last reply is awaited leaves the outcome unknown (RFC 5321,
 * 4.5.3.2.6 and 6.1: the server may have taken the e-mail). {@code getLastReturnCode()} cannot tell: a
 * read that times out sets it to 0 (Angus 2.0 {@code readServerResponse}), and it is 354 as well when
 * writing the message body failed, before the server had the whole of it. So this class notes the moment
 * the reply to {@code "."} is first read: {@link #finishData} writes the terminator ({@code sendCommand}
 * flushes it) before its first {@link #readServerResponse}.
 */
class OutboxSmtpTransport extends SMTPTransport {

  private static final int NO_REPLY = Integer.MIN_VALUE;

  private boolean finishingData;
  private boolean terminatorSent;
  private int terminatorReply = NO_REPLY;

  OutboxSmtpTransport(Session session, String protocol) {
    super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
  }

  @Override
  public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
    terminatorSent = false;
    terminatorReply = NO_REPLY;
    super.sendMessage(message, addresses);
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    finishingData = true;
    try {
      super.finishData();
    } finally {
      finishingData = false;
    }
  }

  @Override
  protected int readServerResponse() throws MessagingException {
    if (!finishingData || terminatorSent) {
      return super.readServerResponse();
    }
    terminatorSent = true;
    int reply = super.readServerResponse(); // throws when it times out: the reply stays NO_REPLY
    terminatorReply = reply;
    return reply;
  }

  /**
   * After a failed {@code sendMessage}: whether the server had the whole e-mail and gave no clear answer
   * (none, a broken one, or the connection ended). A 4xx or 5xx reply to the data is a clear refusal.
   */
  synchronized boolean outcomeUnknown() {
    return terminatorSent && !(terminatorReply >= 400 && terminatorReply < 600);
  }
}
