package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball as a user gets it: unpack, run bin/monitor, scrape. */
class DistributionIT {

  @TempDir Path tmp;

  @Test
  void unpackedTarballServesMetricsHealthAndReadiness() throws Exception {
    Path home = Distribution.unpack(tmp);
    List<String> filesBefore = listFiles(home);
    int port = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(
            home,
            port,
            Map.of(
                "CONFIG_FORCE_plugins_example_enabled", "true", "MONITOR_HOST_LABEL", "it-host"))) {
      agent.awaitReady(Duration.ofSeconds(30));

      String metrics = agent.metrics();
      assertThat(metrics)
          .contains("example_value{host=\"it-host\",name=\"hello\"} 42.0")
          .contains(
              "monitor_collector_success{collector=\"example\",host=\"it-host\",plugin=\"example\"} 1.0")
          .contains("monitor_build_info{host=\"it-host\",java_version=")
          .contains("jvm_memory_used_bytes{");
      Promtool.Check check = Promtool.checkMetrics(metrics);
      assertThat(check.exitCode()).as("promtool parses it: %s", check.lintLines()).isIn(0, 3);
      // node_exporter's own CamelCase meminfo/netstat names and its entropy "_bits" unit lint the
      // same way; they stay for compatibility (the parity test compares with node_exporter's lint).
      assertThat(check.lintLines())
          .allMatch(
              l ->
                  l.matches(
                          "node_(memory|netstat)_\\S+ metric names should be written in 'snake_case' not 'camelCase'")
                      || l.matches(
                          "node_entropy_\\S+_bits use base unit \"bytes\" instead of \"bits\""));

      assertThat(agent.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(agent.get("/-/ready").body()).isEqualTo("Ready\n");
      assertThat(agent.get("/").body()).contains("<td>example</td>").contains("href=\"/metrics\"");
      assertThat(agent.get("/nope").statusCode()).isEqualTo(404);

      var om =
          agent.get(
              "/metrics",
              Map.of("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"));
      assertThat(om.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/openmetrics-text");
      assertThat(om.body()).endsWith("# EOF\n");
      var pb =
          agent.get(
              "/metrics",
              Map.of(
                  "Accept",
                  "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"));
      assertThat(pb.statusCode()).isEqualTo(200);
      assertThat(pb.headers().firstValue("Content-Type").orElseThrow()).contains("protobuf");
      var gz = agent.get("/metrics", Map.of("Accept-Encoding", "gzip"));
      assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");

      int exit = agent.stop();
      assertThat(exit).as("SIGTERM exit code").isEqualTo(143);
      String config =
          java.util.regex.Pattern.quote(home.resolve("configs/monitor.conf").toString());
      assertThat(agent.log())
          .containsPattern(
              "INFO  Agent - agent-collector 0\\.1\\.0\\S* listening on http://127\\.0\\.0\\.1:"
                  + port
                  + "/ \\(\\d+ collectors in \\d+ plugins, config "
                  + config
                  + "\\)\n")
          .contains("INFO  Agent - stopped");
    }
    assertThat(listFiles(home))
        .as("nothing written to the install directory")
        .isEqualTo(filesBefore);
  }

  @Test
  void runsFromAnyWorkingDirectoryThroughASymlink() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path link = Files.createSymbolicLink(tmp.resolve("monitor-link"), home.resolve("bin/monitor"));
    Process p =
        new ProcessBuilder(link.toString(), "--version")
            .directory(Path.of("/").toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isZero();
    assertThat(out).startsWith("agent-collector 0.1.0").contains("revision ").contains("Java 17");
  }

  @Test
  void snapshotPrintsOneCycle() {
    Path home = Distribution.unpack(tmp);
    var table =
        AgentProcess.run(
            home, Map.of("MONITOR_HOST_LABEL", "h"), "snapshot", "--plugin", "example");
    assertThat(table.exitCode()).as(table.output()).isZero();
    assertThat(table.output())
        .contains("example_value")
        .contains("host=h,name=hello")
        .contains("42");
    var prom =
        AgentProcess.run(
            home,
            Map.of("MONITOR_HOST_LABEL", ""),
            "snapshot",
            "--plugin",
            "example",
            "--format",
            "prometheus");
    assertThat(prom.output()).contains("example_value{name=\"hello\"} 42.0");
    var plugins = AgentProcess.run(home, Map.of(), "plugins");
    assertThat(plugins.output())
        .containsPattern(
            "example\\s+0\\.1\\.0-SNAPSHOT\\s+disabled\\s+example\\s+.*plugin-example");
  }

  static List<String> listFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
