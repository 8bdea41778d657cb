package com.bpocontractflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time from /proc (Linux), in milliseconds: this JVM's, the benchmark's own driver threads' (to take them
 * out), and the PostgreSQL cluster's (the postmaster, its live children and the children that ended).
 */
final class Cpu {

  /** USER_HZ: the unit of /proc/[pid]/stat's times (100 on every Linux the benchmark runs on). */
  private static final double TICK_MS = 10.0;

  private Cpu() {
  }

  /** utime + stime of this process. */
  static double jvmMillis() {
    long[] t = stat("self");
    return (t[11] + t[12]) * TICK_MS;
  }

  /** CPU of this JVM's live threads whose names start with one of {@code prefixes} (the driver's own). */
  static double threadsMillis(List<String> prefixes) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (prefixes.stream().anyMatch(thread.getName()::startsWith)) {
        long nanos = threads.getThreadCpuTime(thread.getId());
        total += nanos > 0 ? nanos / 1e6 : 0;
      }
    }
    return total;
  }

  /** The postmaster of the server {@code database} is on: the parent of a backend of it. */
  static long postmaster(Database database) throws Exception {
    // read while the connection is open: the backend ends with it; its parent, the postmaster, stays
    try (var connection = database.connect(); var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return stat(Long.toString(rs.getLong(1)))[1];
    }
  }

  /**
   * The cluster's CPU: the postmaster's own and its ended children's (cutime, cstime), and its live children's
   * (backends, checkpointer, walwriter, autovacuum...).
   */
  static double postgresMillis(long postmaster) throws Exception {
    long[] main = stat(Long.toString(postmaster));
    long ticks = main[11] + main[12] + main[13] + main[14];
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          long[] t = stat(process.getFileName().toString());
          if (t[1] == postmaster) {
            ticks += t[11] + t[12];
          }
        } catch (Exception ended) {
          // the process ended while listed: its time is in the postmaster's cutime/cstime now
        }
      }
    }
    return ticks * TICK_MS;
  }

  /** The fields of /proc/[pid]/stat after the command name: [0] state (field 3), [1] ppid, ... [11] utime. */
  private static long[] stat(String pid) {
    try {
      String line = Files.readString(Path.of("/proc", pid, "stat"));
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      // only the fields up to cstime: later ones may not fit a long
      long[] values = new long[15];
      for (int i = 1; i < values.length; i++) {
        values[i] = Long.parseLong(fields[i].trim());
      }
      return values;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
    }
  }
}
