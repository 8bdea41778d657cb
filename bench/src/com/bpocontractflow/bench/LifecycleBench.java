package com.bpocontractflow.bench;

import static com.bpocontractflow.signing.SigningTestData.*;

import com.bpocontractflow.document.PdfRenderer;
import com.bpocontractflow.mail.OutboxSender;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.SigningRest;
import com.bpocontractflow.team.DemoUsers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract's lifecycle, application against skeleton (issue #12 section 1): N contracts through the
 * electronic happy path over REST (concurrency 4), in interleaved rounds (application, skeleton, application,
 * skeleton...), each system started anew on its own database for each round (so that its start-up is measured
 * on an empty database first, then on one holding the earlier rounds' contracts). Per round: contracts/s, JVM
 * and PostgreSQL CPU per task completion, statements and commits per contract, task completion p50/p95; the
 * application's e-mails are held during the round (bpo.mail.sender-enabled=false) and drained after it, their
 * commits counted apart. At the end, one contract's PDF rendered K times in this JVM: CPU ms per page.
 */
final class LifecycleBench {

  static final int CONCURRENCY = 4;
  /** The user tasks of the happy path, in order (ContractSigningApplicationTest, SignedCopyApplicationTest). */
  static final List<String> TASKS = List.of("draft-proposal", "confirm-proposal", "draft-contract", "review-clauses",
      "countersign-contract", "conduct-training", "assess-training", "authorize-subaccounts", "configure-cs-software",
      "approve-go-live");
  /** The driver's own threads (and the HTTP client's), whose CPU is taken out of the JVM's. */
  static final List<String> DRIVER_THREADS = List.of("bench-driver", "bench-http", "HttpClient-");
  /** pg_stat_database is updated by each backend when idle, at the latest after 10 s (PostgreSQL 15). */
  static final long STATS_SETTLE_MILLIS = 11_000;
  /** What each round reports for both systems, and their ratios app / skeleton. */
  static final List<String> MEASURES = List.of("contractsPerSecond", "jvmCpuMsPerCompletion", "pgCpuMsPerCompletion",
      "statementsPerContract", "commitsPerContract", "completionP50", "completionP95");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database server;
  private final int contracts;
  private final int rounds;
  private final int warmup;
  private final int pdfRenders;
  private final boolean skeletonAuth;
  /**
   * How a task is completed: {@code submit-form} (POST /task/{id}/submit-form, what Tasklist sends when a staff
   * member completes a form) or {@code complete} (POST /task/{id}/complete, what an integration would call).
   */
  private final String completeWith;
  private final AtomicInteger contractIndex = new AtomicInteger();
  /** The measured completions of the current round by task key. */
  private final Map<String, List<Double>> byTask = new java.util.concurrent.ConcurrentHashMap<>();
  /** The driver's repeated calls in the current round: a task not open yet, a message refused (then retried). */
  private final AtomicInteger retries = new AtomicInteger();
  /** The first refusal of a message in the current round, printed once. */
  private final java.util.concurrent.atomic.AtomicReference<String> firstRefusal = new java.util.concurrent.atomic.AtomicReference<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .executor(Executors.newFixedThreadPool(2, named("bench-http"))).build();

  LifecycleBench(Database server, int contracts, int rounds, int warmup, int pdfRenders, boolean skeletonAuth,
      String completeWith) {
    if (!List.of("submit-form", "complete").contains(completeWith)) {
      throw new IllegalArgumentException("--complete-with is submit-form or complete, not " + completeWith);
    }
    this.skeletonAuth = skeletonAuth;
    this.completeWith = completeWith;
    this.server = server;
    this.contracts = contracts;
    this.rounds = rounds;
    this.warmup = warmup;
    this.pdfRenders = pdfRenders;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> run() throws Exception {
    Database appDb = server.fresh("bench_lifecycle_app");
    Database skeletonDb = server.fresh("bench_lifecycle_skeleton");
    long postmaster = Cpu.postmaster(server);
    List<Map<String, Object>> app = new ArrayList<>();
    List<Map<String, Object>> skeleton = new ArrayList<>();
    Map<String, Object> pdf = null;
    for (int r = 1; r <= rounds; r++) {
      boolean last = r == rounds;
      Map<String, Object> a = round(true, appDb, postmaster, r);
      if (last) {
        pdf = (Map<String, Object>) a.remove("pdf");
      } else {
        a.remove("pdf");
      }
      app.add(a);
      skeleton.add(round(false, skeletonDb, postmaster, r));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("contractsPerRound", contracts);
    result.put("rounds", rounds);
    result.put("concurrency", CONCURRENCY);
    result.put("skeletonRestAuthentication", skeletonAuth ? "basic" : "none");
    result.put("completeWith", completeWith);
    result.put("taskCompletionsPerContract", TASKS.size());
    result.put("app", app);
    result.put("skeleton", skeleton);
    Map<String, Object> ratios = new LinkedHashMap<>();
    Map<String, Object> appMedians = new LinkedHashMap<>();
    Map<String, Object> skeletonMedians = new LinkedHashMap<>();
    for (String key : MEASURES) {
      appMedians.put(key, round2(Stats.median(app.stream().map(row -> number(row, key)).toList())));
      skeletonMedians.put(key, round2(Stats.median(skeleton.stream().map(row -> number(row, key)).toList())));
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        values.add(number(app.get(i), key) / number(skeleton.get(i), key));
      }
      Collections.sort(values);
      ratios.put(key, Map.of("min", round2(values.get(0)), "median", round2(Stats.median(values)),
          "max", round2(values.get(values.size() - 1))));
    }
    result.put("ratios", ratios);
    result.put("appMedians", appMedians);
    result.put("skeletonMedians", skeletonMedians);
    for (String key : List.of("outboxMailsPerContract", "outboxCommitsPerContract")) {
      appMedians.put(key, round2(Stats.median(app.stream().map(row -> number(row, key)).toList())));
    }
    // start-up in JVMs of their own: on an empty database, and on the one holding this scenario's contracts
    Map<String, Object> startup = new LinkedHashMap<>();
    startup.put("appEmpty", StartupProbe.measure("app", server.fresh("bench_startup_app")));
    startup.put("skeletonEmpty", StartupProbe.measure("skeleton", server.fresh("bench_startup_skeleton")));
    startup.put("seededContracts", appDb.queryLong("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'contract-signing'"));
    startup.put("appSeeded", StartupProbe.measure("app", appDb));
    startup.put("skeletonSeeded", StartupProbe.measure("skeleton", skeletonDb));
    result.put("startup", startup);
    result.put("pdf", pdf);
    return result;
  }

  private static double number(Map<String, Object> row, String key) {
    return ((Number) row.get(key)).doubleValue();
  }

  /** One round of one system: start, warm up, measure, (application) drain the held e-mails, stop. */
  private Map<String, Object> round(boolean isApp, Database db, long postmaster, int round) throws Exception {
    long contractsBefore = db.queryLong("SELECT COUNT(*) FROM pg_class WHERE relname = 'act_hi_procinst'") == 0 ? 0
        : db.queryLong("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'contract-signing'");
    Target target = isApp ? startApp(db) : startSkeleton(db);
    try (target) {
      // the first round also warms the JVM up (class loading, JIT) for the rounds after it: three times as long
      drive(target, round == 1 ? 3 * warmup : warmup);
      if (isApp) {
        drain(target.application);
      }
      Thread.sleep(STATS_SETTLE_MILLIS);
      db.execute("SELECT pg_stat_statements_reset()");
      long commits0 = commits(db);
      double jvm0 = Cpu.jvmMillis();
      double driver0 = Cpu.threadsMillis(DRIVER_THREADS);
      double pg0 = Cpu.postgresMillis(postmaster);
      byTask.clear();
      retries.set(0);
      firstRefusal.set(null);
      long start = System.nanoTime();
      List<Double> completions = drive(target, contracts);
      double seconds = (System.nanoTime() - start) / 1e9;
      double jvm = Cpu.jvmMillis() - jvm0;
      double driver = Cpu.threadsMillis(DRIVER_THREADS) - driver0;
      double pg = Cpu.postgresMillis(postmaster) - pg0;
      long statements = db.queryLong("SELECT COALESCE(SUM(s.calls), 0) FROM pg_stat_statements s "
          + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '" + db.name() + "'");
      List<Map<String, Object>> topStatements = topStatements(db);
      Thread.sleep(STATS_SETTLE_MILLIS);
      long commits1 = commits(db);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("round", round);
      row.put("system", isApp ? "app" : "skeleton");
      row.put("contractsBefore", contractsBefore);
      row.put("startSeconds", round2(target.startSeconds));
      row.put("contracts", contracts);
      row.put("seconds", round2(seconds));
      row.put("contractsPerSecond", round2(contracts / seconds));
      int completionCount = contracts * TASKS.size();
      row.put("jvmCpuMs", Math.round(jvm));
      row.put("driverCpuMs", Math.round(driver));
      row.put("jvmCpuMsPerCompletion", round2((jvm - driver) / completionCount));
      row.put("pgCpuMsPerCompletion", round2(pg / completionCount));
      row.put("statementsPerContract", round2((double) statements / contracts));
      row.put("commitsPerContract", round2((double) (commits1 - commits0) / contracts));
      Stats stats = Stats.of(completions);
      row.put("completionP50", round2(stats.p50()));
      row.put("completionP95", round2(stats.p95()));
      // calls the driver repeated (each one more REST call, transaction and statements in this round's figures)
      row.put("driverRetriesPerContract", round2((double) retries.get() / contracts));
      if (firstRefusal.get() != null) {
        System.out.println("first refused message on " + target.name + ": " + firstRefusal.get());
      }
      Map<String, Object> perTask = new LinkedHashMap<>();
      for (String key : TASKS) {
        Stats task = Stats.of(byTask.get(key));
        perTask.put(key, Map.of("p50", round2(task.p50()), "p95", round2(task.p95())));
      }
      row.put("completionByTask", perTask);
      row.put("topStatements", topStatements);
      if (isApp) {
        int mails = drain(target.application);
        Thread.sleep(STATS_SETTLE_MILLIS);
        row.put("outboxMailsPerContract", round2((double) mails / contracts));
        row.put("outboxCommitsPerContract", round2((double) (commits(db) - commits1) / contracts));
        row.put("pdf", pdf(target.application));
      }
      Map<String, Object> printed = new LinkedHashMap<>(row);
      printed.remove("topStatements");
      printed.remove("completionByTask");
      System.out.println("lifecycle round: " + printed);
      return row;
    }
  }

  /** The round's 15 most frequent statements (JSON only): calls per contract and the statement's start. */
  private List<Map<String, Object>> topStatements(Database db) throws Exception {
    List<Map<String, Object>> top = new ArrayList<>();
    try (var connection = db.connect(); var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT s.calls, s.total_exec_time, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160) "
            + "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database() "
            + "ORDER BY s.calls DESC LIMIT 15")) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("callsPerContract", round2((double) rs.getLong(1) / contracts));
        row.put("msPerContract", round2(rs.getDouble(2) / contracts));
        row.put("query", rs.getString(3));
        top.add(row);
      }
    }
    return top;
  }

  private long commits(Database db) throws Exception {
    server.execute("SELECT pg_stat_clear_snapshot()");
    return server.queryLong("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + db.name() + "'");
  }

  /** Sends every e-mail the outbox holds (the demo logs them: no SMTP host); how many. */
  private static int drain(Application app) {
    OutboxSender sender = app.bean(OutboxSender.class);
    int sent = 0;
    int batch;
    while ((batch = sender.sendDue()) > 0) {
      sent += batch;
    }
    return sent;
  }

  /** One stored contract version rendered {@code pdfRenders} times after 3 untimed renders: CPU of this thread. */
  private Map<String, Object> pdf(Application app) throws Exception {
    Map<String, Object> stored = app.bean(JdbcClient.class).sql(
        "SELECT contract_id, version, html FROM contract_document ORDER BY contract_id DESC LIMIT 1").query().singleRow();
    PdfRenderer renderer = app.bean(PdfRenderer.class);
    String html = (String) stored.get("html");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    byte[] bytes = null;
    for (int i = 0; i < 3; i++) {
      bytes = renderer.render(html, "客服外包服务合同 压测", Instant.now(), 1L);
    }
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < pdfRenders; i++) {
      bytes = renderer.render(html, "客服外包服务合同 压测", Instant.now(), 1L);
    }
    double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / pdfRenders;
    double wallMs = (System.nanoTime() - wall0) / 1e6 / pdfRenders;
    int pages;
    try (PDDocument document = Loader.loadPDF(bytes)) {
      pages = document.getNumberOfPages();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("renders", pdfRenders);
    row.put("pages", pages);
    row.put("cpuMsPerRender", round2(cpuMs));
    row.put("wallMsPerRender", round2(wallMs));
    row.put("cpuMsPerPage", round2(cpuMs / pages));
    row.put("bytes", bytes.length);
    return row;
  }

  /** {@code count} contracts through the happy path, four at a time; the task completions' times (ms). */
  private List<Double> drive(Target target, int count) throws Exception {
    List<Double> completions = Collections.synchronizedList(new ArrayList<>());
    if (count <= 0) {
      return completions;
    }
    AtomicInteger done = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY, named("bench-driver"));
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < CONCURRENCY; t++) {
        runs.add(threads.submit(() -> {
          while (done.getAndIncrement() < count) {
            contract(target, contractIndex.incrementAndGet(), completions);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.HOURS);
      }
    } finally {
      threads.shutdownNow();
    }
    return completions;
  }

  /** One contract, request to go-live, as ContractSigningApplicationTest drives it but signed electronically. */
  private void contract(Target target, int i, List<Double> completions) throws Exception {
    Map<String, Object> request = request();
    request.put(Vars.MERCHANT_NAME, "压测商家" + i + "旗舰店");
    request.put(Vars.MERCHANT_EMAIL, "ops" + i + "@merchant.example.com");
    Map<String, Object> started = target.post(target.userFor("start"), "/process-definition/key/contract-signing/start",
        target.startBody(request, i));
    String id = (String) started.get("id");
    String number = (String) started.get("businessKey");
    complete(target, id, "draft-proposal", proposal("5000.00"), completions);
    complete(target, id, "confirm-proposal", proposalAnswer("ACCEPTED"), completions);
    Map<String, Object> draft = contractDraft("ELECTRONIC", "5000.00");
    if (target.application == null) {
      // what the application's code sets when legal records the draft, and routes on (UserTaskListener, ApprovalTerms)
      draft.put(Vars.DEPOSIT_REQUIRED, true);
      draft.put(Vars.APPROVAL_TERMS_CHANGED, false);
    }
    complete(target, id, "draft-contract", draft, completions);
    complete(target, id, "review-clauses", clauseReview(true), completions);
    target.message("MerchantSigned", "e-signatures", id, number, Map.of("signerName", "王小明"));
    complete(target, id, "countersign-contract", countersign(), completions);
    target.message("DepositReceived", "deposits", id, number, payment("5000.00", "PAY-" + i));
    complete(target, id, "conduct-training", training(), completions);
    complete(target, id, "assess-training", assessment(true), completions);
    complete(target, id, "authorize-subaccounts", subaccounts(), completions);
    complete(target, id, "configure-cs-software", software(), completions);
    complete(target, id, "approve-go-live", goLive(), completions);
  }

  private void complete(Target target, String processInstanceId, String taskKey, Map<String, Object> variables,
      List<Double> completions) throws Exception {
    String user = target.userFor(taskKey);
    String taskId = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int attempt = 0; taskId == null; attempt++) {
      List<Map<String, Object>> tasks = target.getList(user, "/task?processInstanceId=" + processInstanceId
          + "&taskDefinitionKey=" + taskKey);
      if (!tasks.isEmpty()) {
        taskId = (String) tasks.get(0).get("id");
      } else if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no open task " + taskKey + " in " + processInstanceId + " on " + target.name);
      } else {
        retries.incrementAndGet();
        Thread.sleep(backoffMillis(attempt)); // an asynchronous step ahead of the task (the benchmark's own wait)
      }
    }
    long start = System.nanoTime();
    target.post(user, "/task/" + taskId + "/" + completeWith, Map.of("variables", SigningRest.typed(variables)));
    double millis = (System.nanoTime() - start) / 1e6;
    completions.add(millis);
    byTask.computeIfAbsent(taskKey, key -> Collections.synchronizedList(new ArrayList<>())).add(millis);
  }

  /**
   * How long the driver waits before asking again for a task or a wait that an asynchronous step (a job) has not
   * reached yet: 20 ms, doubling up to 160 ms, so that the asking itself costs the system little while its job runs.
   */
  static long backoffMillis(int attempt) {
    return 20L << Math.min(attempt, 3);
  }

  Target startApp(Database db) {
    // the e-mails wait in the outbox during the round; the benchmark drains them after it (their commits apart)
    Application app = Application.start(db, Map.of("bpo.mail.sender-enabled", false));
    return new Target("app", app, null, app.baseUrl, app.baseUrl + "/engine-rest", app.startSeconds);
  }

  Target startSkeleton(Database db) throws Exception {
    Skeleton skeleton = Skeleton.start(db, Skeleton.SIGNING, Map.of("bench.skeleton.rest-auth", skeletonAuth),
        Skeleton.TIMERS);
    return new Target("skeleton", null, skeleton, skeleton.baseUrl, skeleton.engineRest,
        skeleton.startSeconds);
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The system under test: the application (team users, integration endpoints) or the skeleton (admin, /message). */
  private final class Target implements AutoCloseable {

    final String name;
    final Application application;
    final Skeleton skeleton;
    final String baseUrl;
    final String engineRest;
    final double startSeconds;

    private Target(String name, Application application, Skeleton skeleton, String baseUrl, String engineRest,
        double startSeconds) {
      this.name = name;
      this.application = application;
      this.skeleton = skeleton;
      this.baseUrl = baseUrl;
      this.engineRest = engineRest;
      this.startSeconds = startSeconds;
    }

    String userFor(String taskKey) {
      // sales starts a contract (the start form is theirs); each task is worked by a user of its team
      return application == null ? Skeleton.ADMIN : "start".equals(taskKey) ? "sales" : SigningRest.workerOf(taskKey);
    }

    Map<String, Object> startBody(Map<String, Object> request, int i) {
      Map<String, Object> body = new HashMap<>();
      body.put("variables", SigningRest.typed(request));
      if (application == null) {
        // the application numbers the contract itself (its business key)
        body.put("businessKey", String.format("BPO-2026-%06d", i));
      }
      return body;
    }

    void message(String messageName, String endpoint, String processInstanceId, String number,
        Map<String, Object> variables) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // a payment or a signature arrives when the contract waits for it: the driver first waits (as a manager,
      // who may read every contract) until the contract subscribes to the message, instead of sending it into
      // an asynchronous step still running ahead of the wait and having it refused
      String reader = application == null ? Skeleton.ADMIN : "manager";
      for (int attempt = 0; getList(reader, "/event-subscription?eventType=message&eventName=" + messageName
          + "&processInstanceId=" + processInstanceId).isEmpty(); attempt++) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no wait for " + messageName + " in " + processInstanceId + " on " + name);
        }
        retries.incrementAndGet();
        Thread.sleep(backoffMillis(attempt));
      }
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> response;
        if (application != null) {
          Map<String, Object> body = new HashMap<>(variables);
          body.put("contractNumber", number);
          response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/integrations/" + endpoint))
              .header("Authorization", "Bearer " + DemoUsers.DEMO_INTEGRATION_KEY), body);
        } else {
          Map<String, Object> vars = new HashMap<>(variables);
          if ("DepositReceived".equals(messageName)) {
            vars.put(Vars.DEPOSIT_PAID_IN_FULL, true);
          }
          response = send(request(Skeleton.ADMIN, "/message"), Map.of("messageName", messageName,
              "processInstanceId", processInstanceId, "processVariables", SigningRest.typed(vars)));
        }
        if (response.statusCode() / 100 == 2) {
          return;
        }
        retries.incrementAndGet();
        firstRefusal.compareAndSet(null, messageName + ": HTTP " + response.statusCode() + " " + response.body());
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(messageName + " for " + processInstanceId + " on " + name + ": HTTP "
              + response.statusCode() + " " + response.body());
        }
        Thread.sleep(backoffMillis(attempt));
      }
    }

    Map<String, Object> post(String user, String path, Object body) throws Exception {
      HttpResponse<String> response = send(request(user, path), body);
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("POST " + path + " as " + user + " on " + name + ": HTTP "
            + response.statusCode() + " " + response.body());
      }
      return response.body().isEmpty() ? Map.of() : JSON.readValue(response.body(), new TypeReference<>() {
      });
    }

    List<Map<String, Object>> getList(String user, String path) throws Exception {
      HttpResponse<String> response = http.send(request(user, path).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " as " + user + " on " + name + ": HTTP "
            + response.statusCode() + " " + response.body());
      }
      return JSON.readValue(response.body(), new TypeReference<>() {
      });
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Object body) throws Exception {
      return http.send(request.header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String user, String path) {
      String password = application == null ? Skeleton.PASSWORD : Application.PASSWORD;
      String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return HttpRequest.newBuilder(URI.create(engineRest + path)).timeout(Duration.ofMinutes(2))
          .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
    }

    @Override
    public void close() {
      if (application != null) {
        application.close();
      } else {
        skeleton.close();
      }
    }
  }
}
