package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Ports;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile textfiles beside a good one: a 10^6-series file (27 MB), a 100 MB file and a file
 * redefining loadavg's node_load1. The agent keeps answering, the good file and loadavg keep their
 * series, the refusals show in node_textfile_scrape_error, the budget self-metric and one WARN
 * each, RSS stays bounded, and removing the files heals it. Figures go to stdout (RELIABILITY.md
 * quotes them).
 */
class TextfileLimitsIT {

  @TempDir Path tmp;

  @Test
  void hostileTextfilesAreRefusedAndTheAgentStaysUp() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path dir = Files.createDirectories(tmp.resolve("textfile"));
    Files.writeString(
        dir.resolve("good.prom"),
        "# HELP good_value A good file.\n# TYPE good_value gauge\ngood_value{k=\"v\"} 42\n");
    Files.writeString(dir.resolve("load.prom"), "node_load1 99\n");
    writeLines(dir.resolve("huge-series.prom"), 1_000_000, "huge_series{i=\"%07d\"} 1\n");
    writeLines(dir.resolve("hundred-mb.prom"), 2_500_000, "hundred_mb{padding=\"%030d\"} 1\n");
    assertThat(Files.size(dir.resolve("huge-series.prom"))).isEqualTo(27_000_000L);
    assertThat(Files.size(dir.resolve("hundred-mb.prom"))).isGreaterThanOrEqualTo(100_000_000L);

    Path conf = tmp.resolve("monitor.conf");
    // max-file-size above the 10^6-series file, so that one is stopped by the series budget
    // (50000) and the 100 MB one by the size cap.
    Files.writeString(
        conf,
        """
        host.label = ""
        self-metrics.jvm = false
        plugins.defaults { interval = 1s, timeout = 5s }
        plugins.textfile { directory = "%s", max-file-size = 64MiB }
        """
            .formatted(dir));
    try (AgentProcess agent =
        AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString())) {
      agent.awaitReady(Duration.ofSeconds(60));
      String m =
          agent.awaitMetrics(
              Duration.ofSeconds(30),
              s ->
                  RobustnessIT.value(
                          s,
                          "monitor_collector_series_budget_exceeded_total{collector=\"textfile\",plugin=\"textfile\"}")
                      >= 3);

      long worstScrape = 0;
      long worstHealthy = 0;
      for (int i = 0; i < 10; i++) {
        long t0 = System.nanoTime();
        m = agent.metrics();
        worstScrape = Math.max(worstScrape, (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        assertThat(agent.get("/-/healthy").statusCode()).isEqualTo(200);
        worstHealthy = Math.max(worstHealthy, (System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(300);
      }
      long rssKb = status(agent.pid(), "VmRSS");
      long peakKb = status(agent.pid(), "VmHWM");
      System.out.printf(
          "TextfileLimitsIT: worst /metrics %d ms, worst /-/healthy %d ms, VmRSS %d MiB, VmHWM %d MiB%n",
          worstScrape, worstHealthy, rssKb / 1024, peakKb / 1024);
      assertThat(worstScrape).as("generous: a scrape is served from snapshots").isLessThan(5_000);
      assertThat(peakKb / 1024).as("peak RSS, heap capped at 128 MiB").isLessThan(300);

      assertThat(m)
          .contains("good_value{k=\"v\"} 42.0")
          .contains("node_textfile_scrape_error 1.0")
          .contains("monitor_collector_success{collector=\"textfile\",plugin=\"textfile\"} 1.0")
          .contains("monitor_collector_success{collector=\"loadavg\",plugin=\"cpu\"} 1.0")
          .contains("monitor_collector_errors_total{collector=\"loadavg\",plugin=\"cpu\"} 0.0")
          .doesNotContain("huge_series")
          .doesNotContain("hundred_mb")
          .doesNotContain("node_load1 99.0");
      assertThat(m.lines().filter(l -> l.startsWith("node_load1 ")))
          .as("loadavg's, once")
          .hasSize(1);
      assertThat(m.lines().filter(l -> l.equals("# TYPE node_load1 gauge"))).hasSize(1);

      String log = agent.log();
      assertThat(
              count(
                  log, "textfile skipped: " + dir.resolve("huge-series.prom") + ": more than 4999"))
          .as("one WARN per change, not per cycle:\n%s", log)
          .isEqualTo(1);
      assertThat(
              count(
                  log,
                  "textfile skipped: "
                      + dir.resolve("hundred-mb.prom")
                      + ": larger than max-file-size (67108864 bytes), not read"))
          .isEqualTo(1);
      assertThat(
              count(
                  log,
                  "textfile skipped: "
                      + dir.resolve("load.prom")
                      + ": family node_load1 redefines node_load1, exposed by cpu/loadavg"))
          .isEqualTo(1);
      assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");

      Files.delete(dir.resolve("huge-series.prom"));
      Files.delete(dir.resolve("hundred-mb.prom"));
      Files.delete(dir.resolve("load.prom"));
      m =
          agent.awaitMetrics(
              Duration.ofSeconds(30), s -> s.contains("node_textfile_scrape_error 0.0"));
      assertThat(m).contains("good_value{k=\"v\"} 42.0");
      assertThat(agent.log())
          .contains("textfile " + dir.resolve("load.prom") + " is gone, it is no longer skipped");
    }
  }

  private static void writeLines(Path file, int n, String format) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < n; i++) {
        w.write(String.format(format, i));
      }
    }
  }

  /** A kB figure of /proc/<pid>/status. */
  private static long status(long pid, String key) throws Exception {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(l -> l.startsWith(key + ":"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .findFirst()
        .orElseThrow();
  }

  private static long count(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).count();
  }
}
