package com.bpocontractflow.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivers through SMTP, a batch over one connection. Every attempt for one outbox row carries the same
 * Message-ID, so a repeat after an unclear SMTP answer can be recognised as the same e-mail by the
 * receiving side.
 *
 * <p>The server and credentials are Spring's ({@code spring.mail.*}); the session is a copy of its
 * properties with the read timeout set to {@code bpo.mail.data-timeout} ({@code mail.smtp.timeout}; RFC
 * 5321, 4.5.3.2.6 advises 10 minutes for the reply to the end of the data, which is when a slow server
 * takes long). A failure once the server had the whole e-mail throws {@link OutcomeUnknownException}.
 */
class SmtpMailTransport implements MailTransport {

  /**
   * The MIME types by file name, read once: MimeMessageHelper otherwise parses Spring's mime.types table anew for
   * every message (2 % of the CPU samples of a timer storm, docs/performance.md). The outbox attaches no files.
   */
  private static final FileTypeMap FILE_TYPES = fileTypes();

  private final JavaMailSenderImpl sender;
  private final String from;
  private final Session session;
  private final String protocol;
  private final Duration dataTimeout;

  SmtpMailTransport(JavaMailSenderImpl sender, String from, Duration dataTimeout) {
    this.sender = sender;
    this.from = from;
    this.dataTimeout = dataTimeout;
    this.protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    Properties properties = new Properties();
    properties.putAll(sender.getSession().getProperties());
    properties.setProperty("mail." + protocol + ".timeout", Long.toString(dataTimeout.toMillis()));
    // the data always goes with DATA (never BDAT chunks): OutboxSmtpTransport knows the outcome of DATA
    properties.setProperty("mail." + protocol + ".chunksize", "0");
    // closing a batch sends QUIT without waiting for its answer: the e-mails' outcomes are known by then, and a
    // server that never answers QUIT would hold the sender for a whole data-timeout
    properties.setProperty("mail." + protocol + ".quitwait", "false");
    if ("smtp".equals(protocol) && !"true".equalsIgnoreCase(properties.getProperty("mail.smtp.ssl.enable"))
        && !properties.containsKey("mail.smtp.socketFactory")
        && !properties.containsKey("mail.smtp.socketFactory.class")) {
      // each command and the message's end go out at once (TCP_NODELAY): with Nagle's algorithm the end of a
      // message waited for the server's delayed acknowledgement, about 40 ms per e-mail. Not with implicit TLS
      // (ssl.enable) or a factory of the operator's; STARTTLS wraps this plain socket as before
      properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
    }
    this.session = Session.getInstance(properties);
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public void deliver(OutboxMail mail) throws Exception {
    try (Batch batch = openBatch()) {
      batch.deliver(mail);
    }
  }

  @Override
  public Batch openBatch() {
    return new Connection();
  }

  /** Session properties as used (for tests and logs). */
  Properties sessionProperties() {
    return session.getProperties();
  }

  /** One SMTP connection, opened at the first e-mail and again when the server dropped it. */
  private final class Connection implements Batch {

    private OutboxSmtpTransport transport;
    private MessagingException connectFailure;

    @Override
    public void deliver(OutboxMail mail) throws Exception {
      MimeMessage message = message(mail);
      OutboxSmtpTransport connected = connected();
      Address[] recipients = message.getAllRecipients();
      try {
        connected.sendMessage(message, recipients);
      } catch (MessagingException e) {
        if (connected.outcomeUnknown()) {
          closeQuietly(); // the connection is in an unknown state as well
          throw new OutcomeUnknownException("the server had the whole e-mail but did not answer: " + e,
              timedOut(e) ? dataTimeout : null, e);
        }
        throw e;
      }
    }

    private OutboxSmtpTransport connected() throws MessagingException {
      if (connectFailure != null) {
        // one failed connection per batch: the others of the batch fail alike, without waiting again
        throw new MessagingException("not attempted, the SMTP server could not be reached in this batch: "
            + connectFailure.getMessage(), connectFailure);
      }
      // after the first e-mail: NOOP tells whether the server still holds the connection (Angus closes it if not)
      if (transport != null && transport.isConnected()) {
        return transport;
      }
      closeQuietly();
      OutboxSmtpTransport opened = new OutboxSmtpTransport(session, protocol);
      String username = sender.getUsername();
      String password = sender.getPassword();
      if ("".equals(username)) {
        username = null;
        if ("".equals(password)) {
          password = null;
        }
      }
      try {
        opened.connect(sender.getHost(), sender.getPort(), username, password);
      } catch (MessagingException e) {
        connectFailure = e;
        throw e;
      }
      transport = opened;
      return opened;
    }

    @Override
    public void close() {
      closeQuietly();
    }

    private void closeQuietly() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException | RuntimeException e) {
          // the e-mails' outcomes are recorded already; a failed QUIT changes none of them
        }
        transport = null;
      }
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private MimeMessage message(OutboxMail mail) throws MessagingException {
    MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
      @Override
      protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
        return FILE_TYPES;
      }
    };
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    message.setSentDate(new Date());
    message.saveChanges();
    return message;
  }

  private static FileTypeMap fileTypes() {
    ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
    fileTypes.afterPropertiesSet();
    return fileTypes;
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

  /** Plain sockets with TCP_NODELAY (STARTTLS still wraps them). */
  static final class NoDelaySocketFactory extends javax.net.SocketFactory {

    @Override
    public java.net.Socket createSocket() throws java.io.IOException {
      java.net.Socket socket = new java.net.Socket();
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
      return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
        throws java.io.IOException {
      java.net.Socket socket = createSocket();
      socket.bind(new java.net.InetSocketAddress(localHost, localPort));
      socket.connect(new java.net.InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
      return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress,
        int localPort) throws java.io.IOException {
      java.net.Socket socket = createSocket();
      socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
      socket.connect(new java.net.InetSocketAddress(address, port));
      return socket;
    }

    private java.net.Socket connected(java.net.InetSocketAddress address) throws java.io.IOException {
      java.net.Socket socket = createSocket();
      socket.connect(address);
      return socket;
    }
  }
}
