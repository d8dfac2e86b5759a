package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/monitor snapshot} on the fixture host, every plugin enabled: its table names and
 * labels every sample exactly as the text exposition ({@code --format prometheus}, what {@code
 * /metrics} serves) does, and its rows fit 120 columns.
 */
class SnapshotNamesIT {

  private static final java.util.regex.Pattern LOG_LINE =
      java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\S+ (TRACE|DEBUG|INFO|WARN|ERROR) ");

  @TempDir Path tmp;

  @Test
  void tableNamesEqualTheExpositionsOnTheFixtureHost() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path fixtures = Fixtures.root();
    Path conf = tmp.resolve("fixture.conf");
    Files.writeString(
        conf,
        """
        host {
          label = ""
          proc-path = "%s"
          sys-path = "%s"
          rootfs-path = "%s"
        }
        plugins.example.enabled = true
        plugins.docker.enabled = false
        plugins.containerd.enabled = false
        # Read this machine, not the fixtures (see EndToEndGoldenIT).
        plugins.disk.collectors.filesystem = false
        plugins.system.collectors.timex = false
        """
            .formatted(
                fixtures.resolve("proc"), fixtures.resolve("sys"), fixtures.resolve("rootfs")));

    var prom =
        AgentProcess.run(
            home, Map.of(), "snapshot", "--config", conf.toString(), "--format", "prometheus");
    assertThat(prom.exitCode()).as(prom.output()).isZero();
    // The runner merges stderr (log lines: the fixture root has no textfile directory, one WARN)
    // into the output; snapshot writes its exposition to stdout alone.
    List<String> exposed =
        ExpositionSamples.parse(String.join("\n", stdout(prom)) + "\n").samples().stream()
            .map(
                s ->
                    s.name()
                        + " "
                        + s.labels().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(",")))
            .toList();

    var wide =
        AgentProcess.run(
            home, Map.of("COLUMNS", "100000"), "snapshot", "--config", conf.toString());
    assertThat(wide.exitCode()).as(wide.output()).isZero();
    List<String> table = new ArrayList<>();
    for (String line : stdout(wide).stream().skip(1).toList()) {
      String[] cols = line.split(" {2,}");
      table.add(cols[0] + " " + (cols.length == 3 ? cols[1] : ""));
    }
    assertThat(exposed).as("samples of the fixture host").hasSizeGreaterThan(300);
    assertThat(table).isEqualTo(exposed);
    assertThat(table)
        .anyMatch(r -> r.startsWith("node_uname_info "))
        .anyMatch(r -> r.startsWith("node_os_info "))
        .anyMatch(r -> r.startsWith("node_disk_info "))
        .anyMatch(r -> r.startsWith("node_cpu_seconds_total "));

    var narrow = AgentProcess.run(home, Map.of(), "snapshot", "--config", conf.toString());
    assertThat(stdout(narrow)).as("default width").allMatch(l -> l.length() <= 120);
  }

  private static List<String> stdout(AgentProcess.Result r) {
    return r.output().lines().filter(l -> !LOG_LINE.matcher(l).lookingAt()).toList();
  }
}
