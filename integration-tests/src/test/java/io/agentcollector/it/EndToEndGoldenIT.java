package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real distribution on the fixture trees, every plugin it ships enabled: its {@code /metrics}
 * must equal {@code testdata/e2e-output.prom} once the run-dependent series are removed, and
 * promtool must parse it.
 */
class EndToEndGoldenIT {

  /**
   * Samples whose value depends on the run, not on the fixtures: durations, timestamps, the build
   * revision. Their HELP/TYPE lines stay, so the families are still checked.
   */
  static final Pattern RUN_DEPENDENT =
      Pattern.compile(
          "(?m)^(monitor_collector_duration_seconds|monitor_collector_cpu_seconds_total|monitor_collector_last_success_timestamp_seconds"
              + "|node_scrape_collector_duration_seconds|monitor_build_info|node_time_seconds"
              + "|node_textfile_mtime_seconds|host_cpu_usage_ratio|host_cpu_core_usage_ratio)[{ ].*$");

  @TempDir Path tmp;

  @Test
  void fixtureRootsGiveTheGoldenExposition() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path fixtures = Fixtures.root();
    Path conf = tmp.resolve("e2e.conf");
    Files.writeString(
        conf,
        """
        host {
          label = ""
          proc-path = "%s"
          sys-path = "%s"
          rootfs-path = "%s"
        }
        self-metrics.jvm = false
        # One cycle per collector during the test: counters that count cycles stay at 1.
        plugins.defaults.interval = 1h
        plugins.example.enabled = true
        # No container runtime on fixture roots; the docker tests cover containers.
        plugins.docker.enabled = false
        plugins.containerd.enabled = false
        # statfs of the fixture rootfs would read this machine's disk; FilesystemCollectorTest has
        # the golden file of that collector (fake statfs, hung mount included).
        plugins.disk.collectors.filesystem = false
        # adjtimex(2) reads this machine's kernel clock, not the fixture.
        plugins.system.collectors.timex = false
        """
            .formatted(
                fixtures.resolve("proc"), fixtures.resolve("sys"), fixtures.resolve("rootfs")));
    String metrics;
    try (AgentProcess agent =
        AgentProcess.start(home, Ports.free(), Map.of(), "--config", conf.toString())) {
      agent.awaitReady(Duration.ofSeconds(30));
      metrics = agent.metrics();
      agent.stop();
    }
    Promtool.Check check = Promtool.checkMetrics(metrics);
    assertThat(check.exitCode()).as("promtool parses it: %s", check.lintLines()).isNotEqualTo(1);

    String stable = RUN_DEPENDENT.matcher(metrics).replaceAll("").replaceAll("(?m)^\\n", "");
    Golden.assertMatches(stable, Fixtures.projectRoot().resolve("testdata/e2e-output.prom"));
  }
}
