package com.bpocontractflow.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny SMTP responder on a port the system picks, for what GreenMail cannot do: answer late or not at
 * all at a chosen point. 220 greeting, 250 to EHLO/HELO, MAIL, RCPT, RSET and NOOP, 354 to DATA, then it
 * reads the message up to the line ".", records it, and answers as its {@link Mode} says.
 */
final class FakeSmtpServer implements AutoCloseable {

  enum Mode {
    /** 250 at once. */
    ANSWER,
    /** Has the whole message, holds the reply to it until {@link #release()}: the client's wait runs out. */
    HOLD_DATA_REPLY,
    /** Holds the 354 reply to DATA until {@link #release()}: the message was never sent. */
    HOLD_DATA_COMMAND,
    /** 451 to the message: a clear refusal, to be tried again later. */
    REFUSE_DATA
  }

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");
  /** The longest a held reply waits for {@link #release()} (the test ends before). */
  private static final long HOLD_LIMIT_SECONDS = 60;

  private final ServerSocket server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.ANSWER;

  FakeSmtpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "fake-smtp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  FakeSmtpServer mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  /** Lets every held reply go (and all later ones answer at once). */
  void release() {
    release.countDown();
  }

  int connections() {
    return connections.get();
  }

  /** Every message received in full (up to its "." line), in order. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  List<String> messageIds() {
    return messages.stream().map(message -> {
      Matcher matcher = MESSAGE_ID.matcher(message);
      return matcher.find() ? matcher.group(1) : null;
    }).toList();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        sockets.add(socket);
        Thread session = new Thread(() -> serve(socket), "fake-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      reply(out, "220 fake.example ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 fake.example");
          case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            if (mode == Mode.HOLD_DATA_COMMAND) {
              hold();
            }
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            StringBuilder message = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              message.append(line).append("\r\n");
            }
            if (line == null) {
              return; // the client left before the end of the data: no message
            }
            messages.add(message.toString());
            Mode now = mode;
            if (now == Mode.HOLD_DATA_REPLY) {
              hold();
            }
            reply(out, now == Mode.REFUSE_DATA ? "451 4.3.0 Try again later" : "250 OK queued");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "500 Unknown command");
        }
      }
    } catch (IOException clientGone) {
      // the client timed out and closed the connection: nothing more to say
    }
  }

  private void hold() {
    try {
      release.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
