package com.bpocontractflow;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real SMTP server (GreenMail) that is down until a test starts it, for tests of what the outbox does
 * while nothing answers. The application must know the port before anything listens on it, so the port
 * is chosen and held here meanwhile: a socket bound to it but not listening (a connection to it is
 * refused, as to a server that is down), and nothing else on the machine can take it — an embedded
 * PostgreSQL picking a free port, or a client connection's local port, took a port that was merely
 * free when it was looked up. The port is below Linux's ephemeral range (32768-60999 by default), where
 * the system never hands out ports by itself.
 */
public final class SmtpComingBack {

  private static final int FIRST_PORT = 20_000;
  private static final int LAST_PORT = 32_767;

  private final int port;
  private Socket reservation;
  private GreenMail server;

  public SmtpComingBack() {
    reservation = reservePort();
    port = reservation.getLocalPort();
  }

  private static Socket reservePort() {
    for (int tries = 0; tries < 200; tries++) {
      int candidate = ThreadLocalRandom.current().nextInt(FIRST_PORT, LAST_PORT + 1);
      Socket socket = new Socket();
      try {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
        return socket;
      } catch (IOException taken) {
        close(socket);
      }
    }
    throw new IllegalStateException("no free port between " + FIRST_PORT + " and " + LAST_PORT);
  }

  /** The port the application is to send to. */
  public int port() {
    return port;
  }

  /** Starts the server on the port (the reservation is given up for it). */
  public synchronized GreenMail start() {
    stop();
    if (reservation != null) {
      close(reservation);
      reservation = null;
    }
    server = new GreenMail(new ServerSetup(port, InetAddress.getLoopbackAddress().getHostAddress(),
        ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    return server;
  }

  /** Stops the server if it runs: the next connection is refused again. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
