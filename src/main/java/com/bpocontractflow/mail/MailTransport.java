package com.bpocontractflow.mail;

/** Delivers one e-mail from the outbox; throws when the delivery failed and should be retried. */
public interface MailTransport {

  /** A short name stored with each delivered e-mail ("smtp", "log"). */
  String name();

  void deliver(OutboxMail mail) throws Exception;
}
