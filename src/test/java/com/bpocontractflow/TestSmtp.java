package com.bpocontractflow;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) for a Spring Boot test class, on a port the system picks, so that two
 * builds can run on one machine. The application needs the port when its context is created, which for
 * some classes happens in JUnit's before-all callbacks (the embedded PostgreSQL's listener), before a
 * GreenMail extension would have started: this server starts on first use instead, typically when the
 * context reads the port from a {@code @DynamicPropertySource}, and stops after the test class.
 *
 * <pre>
 * &#64;RegisterExtension
 * static TestSmtp smtp = new TestSmtp();
 *
 * &#64;DynamicPropertySource
 * static void smtpPort(DynamicPropertyRegistry properties) {
 *   properties.add("spring.mail.port", smtp::port);
 * }
 * </pre>
 */
public class TestSmtp implements AfterAllCallback {

  private GreenMail server;

  /** The running server, started on first use. */
  public synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      server.start();
    }
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return server().getSmtp().getPort();
  }

  /** Every message received since the server started (for this test class: other tests' too). */
  public MimeMessage[] getReceivedMessages() {
    return server().getReceivedMessages();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
