package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.PluginJarBuilder;
import io.agentcollector.testkit.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collectors that never return, kernel files that are FIFOs or 50 MB long, and a plugin that fills
 * the heap: the other collectors keep their interval, the agent keeps answering, or (heap full for
 * good) it exits with one line for its supervisor to restart it.
 */
class SchedulerMemoryIT {

  private static final int THREADS = 4;

  /** More collectors stuck for good than the pool has threads. */
  private static final int STUCK = THREADS + 2;

  /**
   * Kernel files replaced by FIFOs (an open without a writer would block for ever) and their
   * collectors.
   */
  private static final Map<String, String> FIFOS =
      Map.of(
          "loadavg",
          "cpu/loadavg",
          "vmstat",
          "system/vmstat",
          "meminfo",
          "mem/meminfo",
          "net/dev",
          "net/netdev");

  private static final Pattern SUCCESS =
      Pattern.compile(
          "(?m)^monitor_collector_success\\{collector=\"([^\"]+)\",plugin=\"([^\"]+)\"} (\\S+)$");
  private static final String IMPORTS =
      "import io.agentcollector.api.*;\nimport io.prometheus.metrics.model.snapshots.MetricSnapshots;\n";

  @TempDir Path tmp;

  @Test
  void stuckCollectorsFifosAndAHugeFileStarveNobody() throws Exception {
    Path home = Distribution.unpack(tmp);
    PluginJarBuilder stuck = PluginJarBuilder.plugin("stuck");
    for (int i = 1; i <= STUCK; i++) {
      stuck.collector(
          "t.stuck.Stuck" + i,
          "package t.stuck;\n"
              + IMPORTS
              + """
          public class Stuck%d implements Collector {
            public String name() { return "stuck%d"; }
            public MetricSnapshots collect() {
              // Never returns and ignores interrupts, like a call stuck in the kernel.
              while (true) {
                try { Thread.sleep(60_000); } catch (InterruptedException ignored) { }
              }
            }
          }"""
                  .formatted(i, i));
    }
    stuck.buildJar(home.resolve("plugins"));
    Path host = hostTree();
    Path conf = tmp.resolve("monitor.conf");
    Files.writeString(
        conf,
        """
        host { label = "", proc-path = "%s", sys-path = "%s", rootfs-path = "%s" }
        self-metrics.jvm = false
        scheduler.threads = %d
        plugins.defaults { interval = 2s, timeout = 1s }
        """
            .formatted(host.resolve("proc"), host.resolve("sys"), host, THREADS));

    try (AgentProcess agent =
        AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString())) {
      agent.awaitReady(Duration.ofSeconds(30));
      // Timeout 1 s, thread given up 1 s later; the last two stuck ones keep their worker.
      String first =
          agent.awaitMetrics(
              Duration.ofSeconds(30),
              m ->
                  value(m, "monitor_scheduler_abandoned_threads_total") == THREADS
                      && successes(m).entrySet().stream()
                          .filter(e -> e.getKey().startsWith("stuck/"))
                          .allMatch(e -> e.getValue() == 0));
      long t0 = System.nanoTime();
      long slowest = 0;
      for (int i = 0; i < 12; i++) {
        long s = System.nanoTime();
        assertThat(agent.get("/-/healthy").statusCode()).isEqualTo(200);
        agent.metrics();
        slowest = Math.max(slowest, (System.nanoTime() - s) / 1_000_000);
        AgentProcess.sleep(1000);
      }
      String last = agent.metrics();
      double elapsed = (System.nanoTime() - t0) / 1e9;
      assertThat(slowest).as("scrape + health check, worst of 12 (ms)").isLessThan(5_000);

      Map<String, Double> before = successes(first);
      Map<String, Double> after = successes(last);
      Set<String> refused = Set.copyOf(FIFOS.values());
      int others = 0;
      for (String id : after.keySet()) {
        String series =
            "{collector=\""
                + id.substring(id.indexOf('/') + 1)
                + "\",plugin=\""
                + id.substring(0, id.indexOf('/'))
                + "\"}";
        double errorsBefore = value(first, "monitor_collector_errors_total" + series);
        double errorsAfter = value(last, "monitor_collector_errors_total" + series);
        if (id.startsWith("stuck/")) {
          assertThat(after.get(id)).as(id).isZero();
          assertThat(errorsAfter - errorsBefore)
              .as(id + ": one error per missed 2 s interval")
              .isGreaterThanOrEqualTo(elapsed / 2 - 2);
          assertThat(count(agent.log(), "collector " + id + " failing"))
              .as(id + ": one WARN")
              .isEqualTo(1);
        } else if (refused.contains(id) || id.equals("disk/diskstats")) {
          assertThat(after.get(id)).as(id).isZero();
          assertThat(errorsAfter).as(id).isGreaterThan(errorsBefore);
        } else if (before.get(id) == 1) {
          others++;
          double okBefore =
              value(first, "monitor_collector_last_success_timestamp_seconds" + series);
          double okAfter = value(last, "monitor_collector_last_success_timestamp_seconds" + series);
          assertThat(after.get(id)).as(id + " still fresh and good").isEqualTo(1);
          assertThat(okAfter - okBefore)
              .as(id + ": kept its 2 s interval over %.0f s", elapsed)
              .isGreaterThan(elapsed - 4);
          assertThat(errorsAfter).as(id).isEqualTo(errorsBefore);
        }
      }
      assertThat(others).as("collectors that kept running:\n" + last).isGreaterThanOrEqualTo(12);
      System.out.printf(
          "SchedulerMemoryIT: over %.1f s, %d collectors kept their interval, node_* series %d, worst scrape+health %d ms, "
              + "stuck1 errors %.0f -> %.0f, stuck threads %.0f%n",
          elapsed,
          others,
          nodeSeries(last),
          slowest,
          value(first, "monitor_collector_errors_total{collector=\"stuck1\",plugin=\"stuck\"}"),
          value(last, "monitor_collector_errors_total{collector=\"stuck1\",plugin=\"stuck\"}"),
          value(last, "monitor_scheduler_stuck_threads"));
      assertThat(value(last, "monitor_scheduler_stuck_threads")).isEqualTo(THREADS);
      assertThat(nodeSeries(last))
          .as("node_* series, as many as before")
          .isEqualTo(nodeSeries(first))
          .isGreaterThan(100);

      String log = agent.log();
      FIFOS.forEach(
          (file, id) ->
              assertThat(
                      count(
                          log,
                          "collector "
                              + id
                              + " failing: FileSystemException: "
                              + host.resolve("proc").resolve(file)
                              + ": not a regular file (a FIFO, socket or device), not read"))
                  .as(id + ": one WARN naming the FIFO\n" + log)
                  .isEqualTo(1));
      assertThat(
              count(
                  log,
                  "collector disk/diskstats failing: FileSystemException: "
                      + host.resolve("proc/diskstats")
                      + ": larger than the 16 MiB limit of kernel file reads, not read"))
          .as(log)
          .isEqualTo(1);
      assertThat(log)
          .doesNotContain("\tat ")
          .doesNotContain("Exception in thread")
          .doesNotContain("OutOfMemoryError");
    }
  }

  @Test
  void aPluginThatFillsTheHeapMakesTheAgentExitWithOneLine() throws Exception {
    Path home = Distribution.unpack(tmp);
    PluginJarBuilder.plugin("hog")
        .collector(
            "t.hog.HogCollector",
            "package t.hog;\n"
                + IMPORTS
                + """
            public class HogCollector implements Collector {
              static final java.util.List<byte[]> KEPT = new java.util.ArrayList<>();
              public String name() { return "hog"; }
              public MetricSnapshots collect() {
                for (int i = 0; i < 16; i++) { KEPT.add(new byte[1 << 20]); }
                return MetricSnapshots.of();
              }
            }""")
        .buildJar(home.resolve("plugins"));
    Path conf = tmp.resolve("monitor.conf");
    Files.writeString(conf, "host.label = \"\"\nplugins.hog { interval = 200ms, timeout = 1s }\n");
    long t0 = System.nanoTime();
    try (AgentProcess agent =
        AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString())) {
      assertThat(agent.awaitExit(Duration.ofSeconds(60))).as(agent.log()).isEqualTo(3);
      String log = agent.log();
      System.out.printf(
          "SchedulerMemoryIT: heap filler exited after %d ms: %s%n",
          (System.nanoTime() - t0) / 1_000_000,
          log.lines().filter(l -> l.startsWith("monitor: ")).findFirst().orElse(""));
      assertThat(log.lines().filter(l -> l.startsWith("monitor: out of memory")).toList())
          .as(log)
          .singleElement()
          .asString()
          .endsWith("exiting with code 3 for a restart");
      assertThat(log).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }
  }

  /** The fixture proc and sys trees, four files turned into FIFOs and diskstats grown to 50 MB. */
  private Path hostTree() throws IOException, InterruptedException {
    Path host = Files.createDirectories(tmp.resolve("host"));
    Process cp =
        new ProcessBuilder(
                "cp",
                "-a",
                Fixtures.path("proc").toString(),
                Fixtures.path("sys").toString(),
                host.toString())
            .inheritIO()
            .start();
    assertThat(cp.waitFor()).isZero();
    for (String file : FIFOS.keySet()) {
      Path p = host.resolve("proc").resolve(file);
      Files.delete(p);
      assertThat(new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor()).isZero();
    }
    byte[] line =
        "   8       0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(host.resolve("proc/diskstats"))) {
      for (long written = 0; written < 50_000_000; written += line.length) {
        out.write(line);
      }
    }
    return host;
  }

  private static Map<String, Double> successes(String exposition) {
    Map<String, Double> out = new TreeMap<>();
    Matcher m = SUCCESS.matcher(exposition);
    while (m.find()) {
      out.put(m.group(2) + "/" + m.group(1), Double.parseDouble(m.group(3)));
    }
    return out;
  }

  private static double value(String exposition, String series) {
    return RobustnessIT.value(exposition, series);
  }

  private static long nodeSeries(String exposition) {
    return exposition.lines().filter(l -> l.startsWith("node_")).count();
  }

  private static long count(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).count();
  }
}
