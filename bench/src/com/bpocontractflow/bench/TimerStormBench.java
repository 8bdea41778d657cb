package com.bpocontractflow.bench;

import com.bpocontractflow.signing.SigningTestData;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import db.migration.JobAcquisitionQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;

/**
 * A timer storm: {@code contracts} contracts wait for the merchant's answer to their proposal
 * (记录商家对方案的答复, whose reminder timer {@code BoundaryEvent_ProposalAnswerReminderDue} repeats
 * {@code bpo.signing.reminder-max-count} times); their reminder timers are made due at one instant and the
 * job executor, stopped until then, drains them. Reported per round: jobs per second until no job of the
 * storm remains, each job's successes in the engine's job log (exactly one each, none lost), the reminder
 * e-mails per contract, the acquisition query's plan and cost (pg_stat_statements), and the outbox's
 * delivery of the reminders to a local SMTP sink (GreenMail): lag from the job (the e-mail's
 * {@code created_at}, in the job's transaction) to SMTP acceptance ({@code sent_at}, written when the
 * server accepted it).
 *
 * <p>One seeding serves up to three rounds: each round's reminder fires the timer's next cycle, which the
 * next round makes due again. A round is {@code index} (with the job acquisition's indexes of migration V24)
 * or {@code noindex} (those indexes dropped first).
 */
final class TimerStormBench {

  /** The indexes of migration V24 for the job acquisition (see docs/performance.md), as it creates them. */
  static final List<String> CREATE_INDEXES = List.of(db.migration.V24__job_due_date_index.DUE_DATE,
      db.migration.V24__job_due_date_index.LOCKED);
  static final List<String> DROP_INDEXES = List.of("DROP INDEX IF EXISTS ACT_IDX_JOB_DUEDATE",
      "DROP INDEX IF EXISTS ACT_IDX_JOB_LOCKED");
  /** The reminder timers: every wait's reminder boundary event is named *ReminderDue (app and skeleton). */
  static final String REMINDER_TIMERS = "D.ACT_ID_ LIKE '%ReminderDue'";

  private TimerStormBench() {
  }

  /** The application: seeded through the engine's Java API, then {@code rounds} storms. */
  static Map<String, Object> app(Database server, int contracts, List<String> rounds, Map<String, Object> tuning)
      throws Exception {
    GreenMail sink = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    sink.start();
    Database database = server.fresh("bench_timers");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", sink.getSmtp().getPort());
    properties.putAll(tuning);
    try (Application app = Application.start(database, properties)) {
      ProcessEngine engine = app.bean(ProcessEngine.class);
      JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
      if (jobs.isActive()) {
        jobs.shutdown(); // started again when the storm's timers are due
      }
      long seedStart = System.nanoTime();
      seed(contracts, i -> awaitingProposalAnswer(engine, i));
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      long waiting = engine.getTaskService().createTaskQuery().taskDefinitionKey("confirm-proposal").count();
      if (waiting != contracts) {
        throw new IllegalStateException(waiting + " of " + contracts + " contracts wait for the merchant's answer");
      }
      // the seeding's own e-mails (request received, proposal) are delivered before the storm
      boolean delivering = !"false".equals(String.valueOf(tuning.get("bpo.mail.sender-enabled")));
      if (delivering) {
        awaitZero(database, "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'", 1800);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("contracts", contracts);
      result.put("seedSeconds", Math.round(seedSeconds));
      result.put("tuning", tuning);
      List<Map<String, Object>> results = new ArrayList<>();
      for (String round : rounds) {
        Map<String, Object> row = storm(database, jobs, "app", round, tuning);
        // with the outbox's senders off (--storm-tuning bpo.mail.sender-enabled=false) the drain is the jobs'
        // alone, without the delivery competing for the CPU; no e-mail is then delivered
        if (delivering) {
          row.putAll(outbox(database, contracts, ((Number) row.get("roundStartedEpochMillis")).longValue(), sink));
        }
        System.out.println("timer storm (app, " + round + "): " + row);
        results.add(row);
      }
      result.put("rounds", results);
      return result;
    } finally {
      sink.stop();
    }
  }

  /**
   * The same storm on the skeleton ({@link Skeleton}: the models without the application's code, a bare
   * engine with the starter's defaults): seeded the same way, no e-mails.
   */
  static Map<String, Object> skeleton(Database server, int contracts, List<String> rounds) throws Exception {
    Database database = server.fresh("bench_timers_skeleton");
    try (Skeleton skeleton = Skeleton.start(database, Skeleton.SIGNING)) {
      ProcessEngine engine = skeleton.engine;
      JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
      if (jobs.isActive()) {
        jobs.shutdown();
      }
      long seedStart = System.nanoTime();
      seed(contracts, i -> awaitingProposalAnswer(engine, i));
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      long waiting = engine.getTaskService().createTaskQuery().taskDefinitionKey("confirm-proposal").count();
      if (waiting != contracts) {
        throw new IllegalStateException(waiting + " of " + contracts + " skeleton contracts wait at confirm-proposal");
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("contracts", contracts);
      result.put("seedSeconds", Math.round(seedSeconds));
      List<Map<String, Object>> results = new ArrayList<>();
      for (String round : rounds) {
        Map<String, Object> row = storm(database, jobs, "skeleton", round, Map.of());
        System.out.println("timer storm (skeleton, " + round + "): " + row);
        results.add(row);
      }
      result.put("rounds", results);
      return result;
    }
  }

  /**
   * Contract {@code i} started and its proposal drafted (a deposit, so no manager's approval): it waits for
   * the merchant's answer at confirm-proposal.
   */
  private static void awaitingProposalAnswer(ProcessEngine engine, int i) {
    Map<String, Object> request = SigningTestData.request();
    request.putAll(Contracts.request(i));
    String instance = engine.getRuntimeService().startProcessInstanceByKey("contract-signing", request).getId();
    Task draft = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("draft-proposal").singleResult();
    engine.getTaskService().complete(draft.getId(), SigningTestData.proposal("5000.00"));
  }

  /**
   * One storm: the reminder timers made due at once, the job executor started, its drain timed. The
   * executor is stopped again afterwards (the timers' next cycles are days away).
   */
  static Map<String, Object> storm(Database database, JobExecutor jobs, String engineName, String round,
      Map<String, Object> tuning) throws Exception {
    if ("index".equals(round)) {
      for (String index : CREATE_INDEXES) {
        database.execute(index);
      }
    } else if ("noindex".equals(round)) {
      for (String index : DROP_INDEXES) {
        database.execute(index);
      }
    } else {
      throw new IllegalArgumentException("a round is index or noindex: " + round);
    }
    database.execute("DROP TABLE IF EXISTS bench_storm_jobs");
    database.execute("CREATE TABLE bench_storm_jobs AS SELECT J.ID_ AS id FROM ACT_RU_JOB J "
        + "JOIN ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_ WHERE " + REMINDER_TIMERS);
    database.execute("CREATE UNIQUE INDEX ON bench_storm_jobs (id)");
    long stormJobs = database.queryLong("SELECT COUNT(*) FROM bench_storm_jobs");
    if (stormJobs == 0) {
      throw new IllegalStateException("no reminder timer left for round " + round + ": a reminder repeats "
          + "bpo.signing.reminder-max-count (3) times, so one seeding serves at most 3 rounds");
    }
    long allJobs = database.queryLong("SELECT COUNT(*) FROM ACT_RU_JOB");
    long roundStart = database.queryLong("SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint");
    database.execute("UPDATE ACT_RU_JOB SET DUEDATE_ = now() - interval '1 second' "
        + "WHERE ID_ IN (SELECT id FROM bench_storm_jobs)");
    database.execute("ANALYZE ACT_RU_JOB");
    boolean byDueDate = Boolean.parseBoolean(String.valueOf(tuning.getOrDefault(
        "camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate", "false")));
    boolean timersFirst = Boolean.parseBoolean(String.valueOf(tuning.getOrDefault(
        "camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs", "false")));
    String plan = explain(database, acquisition(byDueDate, timersFirst, jobs.getMaxJobsPerAcquisition()));
    resetStatements(database);
    long commitsBefore = commits(database);

    // --storm-jfr DIR: a flight recording (profile settings) of each drain, for a closer look (jfr print)
    String jfr = System.getProperty("bench.storm.jfr");
    Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
    if (recording != null) {
      recording.start();
    }
    long start = System.nanoTime();
    jobs.start();
    awaitZero(database, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (SELECT id FROM bench_storm_jobs)", 7200);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (recording != null) {
      recording.stop();
      Path file = Path.of(jfr, "timer-storm-" + engineName + "-" + round + "-" + System.currentTimeMillis() + ".jfr");
      Files.createDirectories(file.getParent());
      recording.dump(file);
      recording.close();
      System.out.println("flight recording of the drain: " + file);
    }
    Map<String, Object> acquisitionCost = acquisitionStatements(database);
    long commits = commits(database) - commitsBefore;
    Map<String, Object> statements = statements(database);
    jobs.shutdown();

    Map<String, Object> row = new LinkedHashMap<>();
    row.put("round", round);
    row.put("jobsInTable", allJobs);
    row.put("stormJobs", stormJobs);
    row.put("seconds", Math.round(seconds * 10) / 10.0);
    row.put("jobsPerSecond", Math.round(stormJobs / seconds * 10) / 10.0);
    row.put("roundStartedEpochMillis", roundStart);
    row.put("acquisitionPlan", plan);
    row.put("acquisition", acquisitionCost);
    // everything the database did during the drain (the engine's, the outbox's, the benchmark's polling)
    row.put("commitsPerJob", Math.round(commits * 10.0 / stormJobs) / 10.0);
    row.put("statementsPerJob", Math.round(((Number) statements.getOrDefault("calls", 0L)).doubleValue() * 10
        / stormJobs) / 10.0);
    row.put("dbMsPerJob", Math.round(((Number) statements.getOrDefault("totalMs", 0L)).doubleValue() * 100
        / stormJobs) / 100.0);
    // the engine's job log: each job of the storm succeeded exactly once (none twice, none lost)
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("""
            SELECT COUNT(*) FILTER (WHERE ok = 1), COUNT(*) FILTER (WHERE ok > 1), COUNT(*) FILTER (WHERE ok = 0),
              COALESCE(SUM(failed), 0)
            FROM (SELECT s.id, COUNT(*) FILTER (WHERE l.JOB_STATE_ = 2) AS ok,
                    COUNT(*) FILTER (WHERE l.JOB_STATE_ = 1) AS failed
                  FROM bench_storm_jobs s LEFT JOIN ACT_HI_JOB_LOG l ON l.JOB_ID_ = s.id GROUP BY s.id) j
            """)) {
      rs.next();
      row.put("jobsSucceededOnce", rs.getLong(1));
      row.put("jobsSucceededTwice", rs.getLong(2));
      row.put("jobsLost", rs.getLong(3));
      row.put("jobFailures", rs.getLong(4));
    }
    return row;
  }

  /** app / skeleton in jobs/s, round by round (same round kinds in the same order): "r1, r2, … (median m)". */
  @SuppressWarnings("unchecked")
  static String ratio(Map<String, Object> timers) {
    List<Map<String, Object>> app = (List<Map<String, Object>>) ((Map<String, Object>) timers.get("app")).get("rounds");
    List<Map<String, Object>> skeleton = (List<Map<String, Object>>) ((Map<String, Object>) timers.get("skeleton"))
        .get("rounds");
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(app.size(), skeleton.size()); i++) {
      ratios.add(((Number) app.get(i).get("jobsPerSecond")).doubleValue()
          / ((Number) skeleton.get(i).get("jobsPerSecond")).doubleValue());
    }
    return ratios.stream().map(r -> String.format("%.2fx", r)).collect(Collectors.joining(", "))
        + (ratios.isEmpty() ? "" : String.format(" (median %.2fx)", Stats.median(ratios)));
  }

  /** The reminder e-mails of the round: one per contract, and their delivery (lag from job to SMTP). */
  private static Map<String, Object> outbox(Database database, int contracts, long roundStart, GreenMail sink)
      throws Exception {
    String ofRound = "template = 'REMINDER' AND created_at >= to_timestamp(" + roundStart + " / 1000.0)";
    awaitZero(database, "SELECT COUNT(*) FROM mail_outbox WHERE " + ofRound + " AND status <> 'SENT'", 3600);
    Map<String, Object> row = new LinkedHashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT contract_number), "
          + "COUNT(*) - COUNT(DISTINCT contract_number) FROM mail_outbox WHERE " + ofRound)) {
        rs.next();
        row.put("reminderEmails", rs.getLong(1));
        row.put("contractsReminded", rs.getLong(2));
        row.put("repeatedReminders", rs.getLong(3));
        row.put("contractsNotReminded", contracts - rs.getLong(2));
      }
      try (ResultSet rs = statement.executeQuery("""
          SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY lag), percentile_disc(0.95) WITHIN GROUP (ORDER BY lag),
            MAX(lag), COUNT(*) / GREATEST(EXTRACT(EPOCH FROM MAX(sent_at) - MIN(created_at)), 0.001)
          FROM (SELECT EXTRACT(EPOCH FROM sent_at - created_at) AS lag, sent_at, created_at FROM mail_outbox
                WHERE %s) m
          """.formatted(ofRound))) {
        rs.next();
        row.put("mailLagP50Seconds", Math.round(rs.getDouble(1) * 10) / 10.0);
        row.put("mailLagP95Seconds", Math.round(rs.getDouble(2) * 10) / 10.0);
        row.put("mailLagMaxSeconds", Math.round(rs.getDouble(3) * 10) / 10.0);
        row.put("mailsPerSecond", Math.round(rs.getDouble(4) * 10) / 10.0);
      }
    }
    MimeMessage[] received = sink.getReceivedMessages();
    Map<String, Long> byId = Arrays.stream(received).collect(Collectors.groupingBy(TimerStormBench::messageId,
        Collectors.counting()));
    row.put("smtpReceivedTotal", received.length);
    row.put("smtpRepeatedMessageIds", byId.values().stream().filter(n -> n > 1).count());
    return row;
  }

  /**
   * The engine's acquisition query ({@link JobAcquisitionQuery}), ordered by due date (and timers first) when
   * those options are on.
   */
  static String acquisition(boolean byDueDate, boolean timersFirst, int limit) {
    List<String> order = new ArrayList<>();
    if (timersFirst) {
      order.add("RES.TYPE_ desc");
    }
    if (byDueDate) {
      order.add("RES.DUEDATE_ asc");
    }
    return JobAcquisitionQuery.UNORDERED + (order.isEmpty() ? "" : "order by " + String.join(", ", order) + "\n")
        + "LIMIT " + limit;
  }

  private static String explain(Database database, String sql) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  private static void resetStatements(Database database) {
    try {
      database.execute("SELECT pg_stat_statements_reset()");
    } catch (Exception unavailable) {
      // reported as unavailable
    }
  }

  /** The acquisition's calls and time during the drain, from pg_stat_statements. */
  private static Map<String, Object> acquisitionStatements(Database database) {
    Map<String, Object> cost = new LinkedHashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("""
            SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(total_exec_time), 0), COALESCE(SUM(rows), 0)
            FROM pg_stat_statements WHERE query ILIKE '%from ACT_RU_JOB RES%' AND query ILIKE '%RETRIES_ >%'
              AND query ILIKE '%LOCK_EXP_TIME_ <%' AND query NOT ILIKE '%EXPLAIN%'
            """)) {
      rs.next();
      long calls = rs.getLong(1);
      cost.put("calls", calls);
      cost.put("totalMs", Math.round(rs.getDouble(2)));
      cost.put("meanMs", calls == 0 ? 0 : Math.round(rs.getDouble(2) / calls * 100) / 100.0);
      cost.put("rows", rs.getLong(3));
    } catch (Exception unavailable) {
      cost.put("unavailable", unavailable.getMessage());
    }
    return cost;
  }

  /** All statements since the reset, but the benchmark's own polling and plans: calls and execution time. */
  private static Map<String, Object> statements(Database database) {
    Map<String, Object> cost = new LinkedHashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(total_exec_time), 0) "
            + "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND query NOT ILIKE '%bench_storm_jobs%' AND query NOT ILIKE '%pg_stat%' AND query NOT ILIKE 'EXPLAIN%'")) {
      rs.next();
      cost.put("calls", rs.getLong(1));
      cost.put("totalMs", Math.round(rs.getDouble(2)));
    } catch (Exception unavailable) {
      cost.put("unavailable", unavailable.getMessage());
    }
    return cost;
  }

  private static long commits(Database database) throws Exception {
    return database.queryLong("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
  }

  /** Waits (polling the benchmark's own progress, not a test) until the query answers 0. */
  static void awaitZero(Database database, String countQuery, int maxSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    long left;
    while ((left = database.queryLong(countQuery)) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(left + " left after " + maxSeconds + " s: " + countQuery);
      }
      Thread.sleep(100);
    }
  }

  /** Runs {@code start} for 0..count-1 with four threads (as four clients would). */
  static void seed(int count, IntConsumer start) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(threads.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            start.accept(i);
            if (i > 0 && i % 1000 == 0) {
              System.out.printf("  seeded %,d of %,d%n", i, count);
            }
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(6, TimeUnit.HOURS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
