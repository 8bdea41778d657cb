package com.bpocontractflow.mail;

/**
 * Delivers e-mails from the outbox; {@link Batch#deliver} throws when a delivery failed and should be
 * retried, and {@link OutcomeUnknownException} when the receiving server may or may not have taken it.
 */
public interface MailTransport {

  /** A short name stored with each delivered e-mail ("smtp", "log"). */
  String name();

  /**
   * Delivers one e-mail on its own (a batch of one). Throws when the delivery failed and should be retried,
   * {@link OutcomeUnknownException} when the receiving server may or may not have taken it.
   */
  void deliver(OutboxMail mail) throws Exception;

  /**
   * Opens a batch: its e-mails go one after the other over one connection where the transport has
   * connections. The batch is closed after its last e-mail. By default each e-mail is {@link #deliver}ed
   * on its own.
   */
  default Batch openBatch() {
    return new Batch() {
      @Override
      public void deliver(OutboxMail mail) throws Exception {
        MailTransport.this.deliver(mail);
      }

      @Override
      public void close() {
      }
    };
  }

  /** E-mails sent together; not shared between threads. */
  interface Batch extends AutoCloseable {

    /** Same contract as {@link MailTransport#deliver}. */
    void deliver(OutboxMail mail) throws Exception;

    /** Ends the batch (closes its connection); never throws. */
    @Override
    void close();
  }

  /**
   * The receiving server had the whole e-mail but its answer never came (it timed out or the connection
   * ended): it may have delivered the e-mail or not. Sending it again could deliver it twice.
   */
  class OutcomeUnknownException extends Exception {
    private final transient java.time.Duration waited;

    /** {@code waited}: how long the answer was waited for, when it timed out (else null). */
    public OutcomeUnknownException(String message, java.time.Duration waited, Throwable cause) {
      super(message, cause);
      this.waited = waited;
    }

    public java.time.Duration waited() {
      return waited;
    }
  }
}
