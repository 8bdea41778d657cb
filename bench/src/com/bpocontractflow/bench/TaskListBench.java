package com.bpocontractflow.bench;

import com.bpocontractflow.team.Teams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * A team's task list at 1k, 10k and 100k open tasks: Tasklist's queries (list of 50 newest and count, the
 * team's filter) as a team user and as the administrator. The open contracts are started in bulk through
 * the engine's Java API (each waits at its first task, 编制服务方案与报价, offered to sales); the answers
 * are checked too: the team sees every one of its tasks, another team none of them.
 */
final class TaskListBench {

  static final String LIST = "/engine-rest/task?candidateGroup=sales&sortBy=created&sortOrder=desc&maxResults=50";
  static final String COUNT = "/engine-rest/task/count?candidateGroup=sales";
  /** The managers' pipeline (合同看板), its first page of 50 rows and the stage counts of all. */
  static final String PIPELINE = "/staff/pipeline?limit=50&sort=daysInStep";
  /** Untimed calls before each query's samples: enough for the JIT to compile the paths the calls take. */
  static final int WARMUP = 20;

  private final Application app;
  private final Rest rest;
  private final int samples;

  TaskListBench(Application app, int samples) {
    this.app = app;
    this.rest = new Rest(app.baseUrl);
    this.samples = samples;
  }

  List<Map<String, Object>> run(List<Integer> sizes) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int size : sizes) {
      long open = app.bean(TaskService.class).createTaskQuery().taskCandidateGroup(Teams.SALES.groupId()).count();
      long seedStart = System.nanoTime();
      seed((int) (size - open));
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      // statistics as a running database has them (autovacuum analyses a table only after enough changes):
      // on a just-seeded table the planner would otherwise plan for an empty one
      app.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("ANALYZE").update();
      checkVisibility(size);
      String filter = "/engine-rest/filter/" + salesFilterId() + "/list?firstResult=0&maxResults=50";
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("openTasks", size);
      row.put("seedSeconds", Math.round(seedSeconds));
      for (String user : List.of("sales", "admin")) {
        row.put(user + ".list", Stats.of(rest.time(user, Application.PASSWORD, LIST, WARMUP, samples)));
        row.put(user + ".count", Stats.of(rest.time(user, Application.PASSWORD, COUNT, WARMUP, samples)));
        row.put(user + ".filter", Stats.of(rest.time(user, Application.PASSWORD, filter, WARMUP, samples)));
      }
      row.put("manager.pipeline", Stats.of(rest.time("manager", Application.PASSWORD, PIPELINE, WARMUP, samples)));
      System.out.printf("task list at %,d open tasks: %s%n", size, row);
      rows.add(row);
    }
    return rows;
  }

  /** The team sees all its tasks through REST; another team sees none of them. */
  private void checkVisibility(int size) throws Exception {
    String asSales = rest.get("sales", Application.PASSWORD, COUNT);
    String asLegal = rest.get("legal", Application.PASSWORD, COUNT);
    if (!asSales.contains("\"count\":" + size) || !asLegal.contains("\"count\":0")) {
      throw new IllegalStateException("wrong task visibility at " + size + ": sales " + asSales + ", legal " + asLegal);
    }
  }

  private String salesFilterId() {
    for (Filter filter : app.bean(FilterService.class).createTaskFilterQuery().list()) {
      if (filter.getQuery() instanceof TaskQueryImpl query && Teams.SALES.groupId().equals(query.getCandidateGroup())) {
        return filter.getId();
      }
    }
    throw new IllegalStateException("no filter for the sales team");
  }

  /** Starts {@code count} contracts with four threads (as four clients would). */
  private void seed(int count) throws Exception {
    if (count <= 0) {
      return;
    }
    RuntimeService runtime = app.bean(RuntimeService.class);
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(threads.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            runtime.startProcessInstanceByKey("contract-signing", Contracts.request(i));
            if (i > 0 && i % 5000 == 0) {
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
}
