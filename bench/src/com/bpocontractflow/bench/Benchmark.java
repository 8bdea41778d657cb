package com.bpocontractflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's benchmark (bench/README.md). bench/run starts a throw-away PostgreSQL and calls this with
 * its address; each scenario runs on a fresh database and writes its results to bench/results as JSON and
 * markdown.
 *
 * <pre>
 * --db host:port:user:password   the PostgreSQL server (bench/run passes it)
 * --scenarios tasklist,outbox,lifecycle,timers   which scenarios, comma-separated (default: all)
 * --outbox-sent 100000 --outbox-pending 10000
 * --task-list-sizes 1000,10000,100000
 * --samples 30                   timed calls per query
 * --contracts 200 --rounds 3     lifecycle: contracts per round, interleaved app/skeleton rounds
 * --warmup 20 --pdf-renders 20   lifecycle: untimed contracts before each round, timed renders of one PDF
 * --complete-with submit-form|complete  lifecycle: a task completed as Tasklist does (submit-form, default) or by
 *                                       POST /task/{id}/complete
 * --skeleton-auth none|basic     lifecycle: the skeleton's engine REST unauthenticated (none, default) or with HTTP Basic
 * --storm-contracts 10000        timer storm: contracts whose reminder timers fall due at once
 * --storm-rounds index,noindex,index  storms on one seeding, with or without the job due-date index
 * --storm-tuning k=v;k=v          application properties of the storm (job executor settings)
 * --storm-no-skeleton            the application's storm only
 * --storm-jfr /some/dir          a flight recording of each drain there
 * --out bench/results
 * --reuse-db --hold              keep the seeded database of an earlier run (bench/run with BENCH_PG_DIR)
 *                                and keep the application running afterwards, for a closer look
 * </pre>
 */
public final class Benchmark {

  /** Every scenario, the default. */
  static final String ALL = "tasklist,outbox,lifecycle,timers";

  private Benchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    if (options.containsKey("help") || !options.containsKey("db")) {
      System.out.println("usage: bench/run [--scenarios " + ALL + "] [--task-list-sizes 1000,10000,100000] [--samples 30] "
          + "[--outbox-sent 100000] [--outbox-pending 10000] [--contracts 200] [--rounds 3] [--warmup 20] [--pdf-renders 20] [--skeleton-auth none|basic] [--complete-with submit-form|complete] "
          + "[--storm-contracts 10000] [--storm-rounds index,noindex,index] [--storm-tuning k=v;k=v]");
      return;
    }
    String[] db = options.get("db").split(":", 4);
    Database server = new Database(db[0], Integer.parseInt(db[1]), "postgres", db[2], db[3]);
    List<String> scenarios = List.of(options.getOrDefault("scenarios", ALL).split(","));
    int samples = Integer.parseInt(options.getOrDefault("samples", "30"));
    Path out = Path.of(options.getOrDefault("out", "bench/results"));
    Files.createDirectories(out);

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("startedAt", OffsetDateTime.now().toString());
    results.put("machine", Machine.describe(server));
    if (scenarios.contains("tasklist")) {
      List<Integer> sizes = Arrays.stream(options.getOrDefault("task-list-sizes", "1000,10000,100000").split(","))
          .map(String::trim).map(Integer::parseInt).toList();
      Database database = options.containsKey("reuse-db")
          ? new Database(server.host(), server.port(), "bench_tasklist", server.user(), server.password())
          : server.fresh("bench_tasklist");
      try (Application app = Application.start(database, Map.of("camunda.bpm.job-execution.enabled", false))) {
        results.put("taskList", new TaskListBench(app, samples).run(sizes));
        if (options.containsKey("hold")) {
          // for a closer look (psql, curl) at the seeded application: runs until killed
          System.out.println("holding: " + app.baseUrl + " on " + database.jdbcUrl());
          Thread.currentThread().join();
        }
      }
    }
    if (scenarios.contains("outbox")) {
      results.put("outbox", OutboxBench.run(server, Integer.parseInt(options.getOrDefault("outbox-sent", "100000")),
          Integer.parseInt(options.getOrDefault("outbox-pending", "10000")),
          !"log".equals(options.get("outbox-transport"))));
    }
    if (scenarios.contains("lifecycle")) {
      results.put("lifecycle", new LifecycleBench(server, Integer.parseInt(options.getOrDefault("contracts", "200")),
          Integer.parseInt(options.getOrDefault("rounds", "3")), Integer.parseInt(options.getOrDefault("warmup", "20")),
          Integer.parseInt(options.getOrDefault("pdf-renders", "20")),
          "basic".equals(options.get("skeleton-auth")), options.getOrDefault("complete-with", "submit-form")).run());
    }
    if (scenarios.contains("timers")) {
      if (options.containsKey("storm-jfr")) {
        System.setProperty("bench.storm.jfr", options.get("storm-jfr"));
      }
      Map<String, Object> tuning = new LinkedHashMap<>();
      for (String setting : options.getOrDefault("storm-tuning", "").split(";")) {
        if (setting.contains("=")) {
          tuning.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
        }
      }
      Map<String, Object> timers = new LinkedHashMap<>();
      timers.put("app", TimerStormBench.app(server, Integer.parseInt(options.getOrDefault("storm-contracts", "10000")),
          List.of(options.getOrDefault("storm-rounds", "index,noindex,index").split(",")), tuning));
      if (!options.containsKey("storm-no-skeleton")) {
        timers.put("skeleton", TimerStormBench.skeleton(server, Integer.parseInt(options.getOrDefault("storm-contracts",
            "10000")), List.of(options.getOrDefault("storm-rounds", "index,noindex,index").split(","))));
        timers.put("ratio", TimerStormBench.ratio(timers));
      }
      results.put("timers", timers);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String stamp = OffsetDateTime.now().toString().substring(0, 19).replace(':', '-');
    Files.writeString(out.resolve("bench-" + stamp + ".json"), json.writeValueAsString(results));
    String table = Report.markdown(results);
    Files.writeString(out.resolve("bench-" + stamp + ".md"), table);
    System.out.println(table);
    System.exit(0);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> list = new ArrayList<>(List.of(args));
    for (int i = 0; i < list.size(); i++) {
      String arg = list.get(i);
      if (arg.startsWith("--")) {
        String value = i + 1 < list.size() && !list.get(i + 1).startsWith("--") ? list.get(++i) : "";
        options.put(arg.substring(2), value);
      }
    }
    return options;
  }
}
