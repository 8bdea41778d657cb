package com.bpocontractflow.bench;

import java.util.List;
import java.util.Map;

/** The results as the markdown table that README's "Performance" section shows. */
final class Report {

  private Report() {
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> results) {
    StringBuilder md = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    md.append("Machine: ").append(machine.get("cpus")).append(" CPUs (").append(machine.get("cpuModel")).append("), ")
        .append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("java")).append(", PostgreSQL ")
        .append(machine.get("postgresql")).append(", run ").append(results.get("startedAt")).append("\n\n");
    List<Map<String, Object>> taskList = (List<Map<String, Object>>) results.get("taskList");
    if (taskList != null) {
      md.append("| Open tasks | sales: list p50 / p95 | sales: count p50 / p95 | sales: filter p50 / p95 "
          + "| admin: list p50 / p95 | admin: count p50 / p95 | manager: pipeline p50 / p95 |\n");
      md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Map<String, Object> row : taskList) {
        md.append(String.format("| %,d | %s | %s | %s | %s | %s | %s |%n", row.get("openTasks"),
            cell(row.get("sales.list")), cell(row.get("sales.count")), cell(row.get("sales.filter")),
            cell(row.get("admin.list")), cell(row.get("admin.count")), cell(row.get("manager.pipeline"))));
      }
      md.append("\nTimes in ms over HTTP (Basic auth), each after ").append(TaskListBench.WARMUP)
          .append(" untimed calls.\n");
    }
    Map<String, Object> outbox = (Map<String, Object>) results.get("outbox");
    if (outbox != null) {
      md.append(String.format("%nOutbox: %,d e-mails drained to a local SMTP sink in %s s (%s e-mails/s) with %,d "
          + "delivered rows already in the table; %,d received, %d Message-IDs received twice.%n",
          outbox.get("emails"), outbox.get("seconds"), outbox.get("emailsPerSecond"), outbox.get("sentRowsBefore"),
          outbox.get("received"), outbox.get("repeatedMessageIds")));
    }
    Map<String, Object> lifecycle = (Map<String, Object>) results.get("lifecycle");
    if (lifecycle != null) {
      lifecycle(md, lifecycle);
    }
    Map<String, Object> timers = (Map<String, Object>) results.get("timers");
    if (timers != null) {
      md.append(timerStorm(timers));
    }
    return md.toString();
  }

  /** The timer storm: one row per round (app, then the skeleton when measured) and the ratio. */
  @SuppressWarnings("unchecked")
  private static String timerStorm(Map<String, Object> timers) {
    StringBuilder md = new StringBuilder("\n| Timer storm | round | due jobs (in table) | drain s | jobs/s | once / twice / lost "
        + "| acquisition: calls, mean ms | per job: statements, commits, DB ms | reminders: contracts reminded / repeated / not reminded | mail lag p50 / p95 / max s | mails/s |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String engine : List.of("app", "skeleton")) {
      Map<String, Object> storm = (Map<String, Object>) timers.get(engine);
      if (storm == null) {
        continue;
      }
      for (Map<String, Object> row : (List<Map<String, Object>>) storm.get("rounds")) {
        Map<String, Object> acquisition = (Map<String, Object>) row.get("acquisition");
        md.append(String.format("| %s (%,d contracts) | %s | %,d (%,d) | %s | %s | %s / %s / %s | %s, %s | %s, %s, %s | %s | %s | %s |%n",
            engine, storm.get("contracts"), row.get("round"), row.get("stormJobs"), row.get("jobsInTable"),
            row.get("seconds"), row.get("jobsPerSecond"), row.getOrDefault("jobsSucceededOnce", "-"),
            row.getOrDefault("jobsSucceededTwice", "-"), row.getOrDefault("jobsLost", "-"),
            acquisition.get("calls"), acquisition.get("meanMs"), row.get("statementsPerJob"), row.get("commitsPerJob"),
            row.get("dbMsPerJob"),
            row.containsKey("contractsReminded") ? row.get("contractsReminded") + " / " + row.get("repeatedReminders")
                + " / " + row.get("contractsNotReminded") : "-",
            row.containsKey("mailLagP95Seconds") ? row.get("mailLagP50Seconds") + " / " + row.get("mailLagP95Seconds")
                + " / " + row.get("mailLagMaxSeconds") : "-",
            row.getOrDefault("mailsPerSecond", "-")));
      }
    }
    if (timers.get("ratio") != null) {
      md.append("\nTimer storm, app / skeleton in jobs/s: ").append(timers.get("ratio")).append("\n");
    }
    Object tuning = ((Map<String, Object>) timers.get("app")).get("tuning");
    md.append("\nReminder timers of contracts waiting at 记录商家对方案的答复 made due at once; the job executor "
        + "started then. Rounds `index`/`noindex`: with or without the job acquisition indexes of V24 (ACT_IDX_JOB_DUEDATE, ACT_IDX_JOB_LOCKED). Mail lag: from the "
        + "job (the e-mail's insert) to SMTP acceptance by a local sink. Application settings: ")
        .append(tuning == null || ((Map<?, ?>) tuning).isEmpty() ? "as packaged" : tuning).append(".\n");
    return md.toString();
  }

  private static final Map<String, String> LIFECYCLE_LABELS = Map.of(
      "contractsPerSecond", "contracts/s",
      "jvmCpuMsPerCompletion", "JVM CPU ms per task completion (driver's threads excluded)",
      "pgCpuMsPerCompletion", "PostgreSQL CPU ms per task completion",
      "statementsPerContract", "SQL statements per contract",
      "commitsPerContract", "commits per contract (outbox delivery excluded)",
      "completionP50", "task completion p50 (ms)",
      "completionP95", "task completion p95 (ms)");

  @SuppressWarnings("unchecked")
  private static void lifecycle(StringBuilder md, Map<String, Object> lifecycle) {
    Map<String, Object> app = (Map<String, Object>) lifecycle.get("appMedians");
    Map<String, Object> skeleton = (Map<String, Object>) lifecycle.get("skeletonMedians");
    Map<String, Object> ratios = (Map<String, Object>) lifecycle.get("ratios");
    md.append(String.format("%nLifecycle: %s contracts per round through the electronic happy path over REST (%s task "
        + "completions, 2 messages each), concurrency %s, %s interleaved rounds of the application and the skeleton "
        + "(bench/README.md); the skeleton's REST authentication: %s.%n%n", lifecycle.get("contractsPerRound"),
        lifecycle.get("taskCompletionsPerContract"), lifecycle.get("concurrency"), lifecycle.get("rounds"),
        lifecycle.get("skeletonRestAuthentication")));
    md.append("| | app (median) | skeleton (median) | app / skeleton: min / median / max |\n");
    md.append("|---|---:|---:|---:|\n");
    for (String key : LifecycleBench.MEASURES) {
      Map<String, Object> ratio = (Map<String, Object>) ratios.get(key);
      md.append(String.format("| %s | %s | %s | %s / %s / %s |%n", LIFECYCLE_LABELS.get(key), app.get(key),
          skeleton.get(key), ratio.get("min"), ratio.get("median"), ratio.get("max")));
    }
    md.append(String.format("%nThe application's e-mails, held during each round and delivered after it (to its log "
        + "transport): %s e-mails and %s commits per contract.%n%n", app.get("outboxMailsPerContract"),
        app.get("outboxCommitsPerContract")));
    Map<String, Object> pdf = (Map<String, Object>) lifecycle.get("pdf");
    if (pdf != null) {
      md.append(String.format("PDF: one contract version (%s pages) rendered %s times in the application's JVM after 3 "
          + "untimed renders: %s ms CPU per render, **%s ms CPU per page** (%s ms wall per render).%n%n", pdf.get("pages"),
          pdf.get("renders"), pdf.get("cpuMsPerRender"), pdf.get("cpuMsPerPage"), pdf.get("wallMsPerRender")));
    }
    Map<String, Object> startup = (Map<String, Object>) lifecycle.get("startup");
    md.append(String.format("Start-up in a JVM of its own, to ApplicationReadyEvent (in brackets: from the JVM's start): "
        + "application %s on an empty database, %s with %s contracts; skeleton %s and %s.%n",
        startup(startup.get("appEmpty")), startup(startup.get("appSeeded")), startup.get("seededContracts"),
        startup(startup.get("skeletonEmpty")), startup(startup.get("skeletonSeeded"))));
  }

  @SuppressWarnings("unchecked")
  private static String startup(Object times) {
    Map<String, Object> t = (Map<String, Object>) times;
    return t.get("ready") + " s (" + t.get("jvm") + " s)";
  }

  private static String cell(Object stats) {
    Stats s = (Stats) stats;
    return Stats.fmt(s.p50()) + " / " + Stats.fmt(s.p95());
  }
}
