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
