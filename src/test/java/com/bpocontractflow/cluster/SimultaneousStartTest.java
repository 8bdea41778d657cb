package com.bpocontractflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.BpoContractFlowApplication;
import com.bpocontractflow.operations.StartupLock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes started at the same moment on an empty PostgreSQL database: both start (the engine's schema,
 * the administrator, the teams and the models are created once, by whichever node takes the start-up lock
 * first; the other finds them), and there is one version of each model.
 */
class SimultaneousStartTest {

  @Test
  void twoNodesStartingAtOnceOnAnEmptyDatabaseBothStart() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      ExecutorService starter = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
      for (String node : List.of("race-a", "race-b")) {
        starting.add(starter.submit(() -> {
          go.await();
          return new SpringApplicationBuilder(BpoContractFlowApplication.class).run(
              "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
              "--spring.datasource.password=", "--camunda.bpm.database.type=postgres", "--server.port=0",
              "--camunda.bpm.job-execution.enabled=false", "--bpo.mail.sender-enabled=false",
              "--bpo.mail.node-name=" + node, "--BPO_NODE_NAME=" + node,
              // two engines in one JVM (a test artefact; in production each node is its own JVM) need two names
              "--camunda.bpm.process-engine-name=" + node.replace("-", ""));
        }));
      }
      go.countDown();
      List<ConfigurableApplicationContext> nodes = new ArrayList<>();
      try {
        for (Future<ConfigurableApplicationContext> node : starting) {
          nodes.add(node.get(5, TimeUnit.MINUTES));
        }
        assertThat(nodes).allSatisfy(node -> assertThat(node.isActive()).isTrue());
        assertThat(nodes).allSatisfy(node -> assertThat(node.getBean(StartupLock.class).isHeld()).isFalse());
        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'contract-signing'").query(Long.class)
            .single()).as("one version of the model").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_id_user WHERE id_ = 'admin'").query(Long.class).single())
            .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'").query(Long.class).single())
            .as("no node still holds the start-up lock").isZero();
      } finally {
        starter.shutdownNow();
        nodes.forEach(ConfigurableApplicationContext::close);
      }
    }
  }
}
