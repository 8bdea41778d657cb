package com.bpocontractflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time in a JVM of its own (the benchmark's JVM has the classes loaded and compiled already): the
 * application or the skeleton started on a database until ApplicationReadyEvent, then stopped. Run by
 * {@link #measure}; prints one line {@code STARTUP <seconds from run()> <seconds from the JVM's start>}.
 */
public final class StartupProbe {

  private StartupProbe() {
  }

  /** args: app|skeleton host port database user password */
  public static void main(String[] args) throws Exception {
    Database database = new Database(args[1], Integer.parseInt(args[2]), args[3], args[4], args[5]);
    double ready;
    if ("app".equals(args[0])) {
      try (Application app = Application.start(database, Map.of("bpo.mail.sender-enabled", false))) {
        ready = app.startSeconds;
      }
    } else {
      try (Skeleton skeleton = Skeleton.start(database, Skeleton.SIGNING)) {
        ready = skeleton.startSeconds;
      }
    }
    double sinceJvm = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    System.out.println("STARTUP " + ready + " " + sinceJvm);
    System.exit(0);
  }

  /** {"ready": seconds from run() to ApplicationReadyEvent, "jvm": seconds from the JVM's start to after it}. */
  static Map<String, Double> measure(String system, Database database) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), system, database.host(),
        Integer.toString(database.port()), database.name(), database.user(), database.password()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroy();
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("STARTUP ")) {
        String[] parts = line.trim().split(" ");
        return Map.of("ready", Math.round(Double.parseDouble(parts[1]) * 100) / 100.0,
            "jvm", Math.round(Double.parseDouble(parts[2]) * 100) / 100.0);
      }
    }
    throw new IllegalStateException("the " + system + " did not start:\n" + output);
  }
}
