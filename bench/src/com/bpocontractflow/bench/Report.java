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
    return md.toString();
  }

  private static String cell(Object stats) {
    Stats s = (Stats) stats;
    return Stats.fmt(s.p50()) + " / " + Stats.fmt(s.p95());
  }
}
