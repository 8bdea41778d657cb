package com.bpocontractflow.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same time on one PostgreSQL database take turns through the start-up: the
 * engine's schema creation (with {@code schema-update} on, two nodes creating the {@code ACT_*} tables at
 * once make one fail with a duplicate {@code pg_type}), the administrator, the teams and their grants, and
 * the deployment of the models. The first node holds a PostgreSQL advisory lock from the engine's
 * configuration (before its schema operations) until the application is ready (after the
 * {@code ApplicationStartedEvent} listeners that set up teams, grants and models); the others wait for it,
 * then find everything in place. The lock belongs to the session of one pooled connection: a node that dies
 * while holding it releases it with its connection. Flyway, which creates the application's own tables,
 * holds a lock of its own.
 *
 * <p>H2 (the embedded default) is one node's file or memory database: nothing to take turns on.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: any constant that no other user of the database takes ("BPO-STRT"). */
  static final long KEY = 0x4250_4F2D_5354_5254L;

  private final DataSource dataSource;
  private final Duration wait;
  private Connection held;

  public StartupLock(DataSource dataSource, @Value("${bpo.startup.lock-wait:PT5M}") Duration wait) {
    this.dataSource = dataSource;
    this.wait = wait;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  /** Takes the lock on PostgreSQL, waiting for another starting node at most {@code bpo.startup.lock-wait}. */
  synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
        long started = System.nanoTime();
        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
        statement.execute("RESET lock_timeout");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (waited > 1000) {
          LOG.info("Waited {} ms for another node's start-up on this database", waited);
        }
      }
      connection.setAutoCommit(autoCommit);
      held = connection;
    } catch (SQLException e) {
      close(connection);
      throw new IllegalStateException("Could not take the start-up lock on the database within " + wait
          + " (another node may be stuck starting; bpo.startup.lock-wait)", e);
    }
  }

  /** Once the application is ready (after the start-up listeners: teams, grants, models): the next node may start. */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    release();
  }

  @EventListener
  public void onFailed(ApplicationFailedEvent event) {
    release();
  }

  @EventListener
  public void onClosed(ContextClosedEvent event) {
    release();
  }

  /** True while this node holds the lock (tests). */
  public synchronized boolean isHeld() {
    return held != null;
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement statement = held.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; it ends with its connection", e);
    } finally {
      close(held);
      held = null;
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the pool discards it
      }
    }
  }
}
