package com.bpocontractflow.bench;

import com.bpocontractflow.BpoContractFlowApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as it is packaged (demo users, PostgreSQL profile), in this JVM, on a free port. */
final class Application implements AutoCloseable {

  static final String PASSWORD = "demo";

  final ConfigurableApplicationContext context;
  final String baseUrl;
  /** From {@code run} to ApplicationReadyEvent, seconds. */
  final double startSeconds;

  private Application(ConfigurableApplicationContext context, double startSeconds) {
    this.context = context;
    this.startSeconds = startSeconds;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://localhost:" + port;
  }

  static Application start(Database database, Map<String, Object> extra) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password());
    properties.put("server.port", 0);
    properties.put("BPO_DEMO_PASSWORD", PASSWORD);
    // the demo sends no e-mail (no SMTP host): the outbox logs each one, which would flood the output
    properties.put("logging.level.com.bpocontractflow.mail.LogMailTransport", "WARN");
    properties.put("logging.level.com.openhtmltopdf", "WARN");
    properties.putAll(extra);
    // as command-line arguments: they win over application.yaml's environment placeholders
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    AtomicLong ready = new AtomicLong();
    long start = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .profiles("demo", "postgres")
        .listeners((ApplicationListener<ApplicationReadyEvent>) event -> ready.set(System.nanoTime()))
        .run(arguments);
    return new Application(context, (ready.get() - start) / 1e9);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
