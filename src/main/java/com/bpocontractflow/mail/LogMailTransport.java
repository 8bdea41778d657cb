package com.bpocontractflow.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no SMTP server is configured (the default run): the e-mail stays in the outbox and is logged. */
class LogMailTransport implements MailTransport {

  private static final Logger LOG = LoggerFactory.getLogger(LogMailTransport.class);

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void deliver(OutboxMail mail) {
    LOG.info("E-mail not sent (no SPRING_MAIL_HOST configured), kept in the outbox: id={} contract={} subject={}",
        mail.id(), mail.contractNumber(), mail.subject());
  }
}
