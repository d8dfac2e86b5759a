package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The shipped alerts end to end, all on loopback: the real agent scraped by a real Prometheus
 * (loading the shipped prometheus.yml and rules), which sends to a real Alertmanager. A real
 * collector (mem/meminfo) is broken by a malformed meminfo under host.proc-path: the agent reports
 * it failing, MonitorCollectorFailing reaches Alertmanager, and leaves it when meminfo is whole
 * again. Stopping the agent then raises AgentCollectorDown.
 *
 * <p>Only the timings of the test copies differ from the shipped files: intervals of 1s and every
 * {@code for:} rewritten to 2s (the shipped 5m would make the test last minutes). Each rewrite is
 * asserted to have happened, so the shipped files cannot drift away from what is tested.
 */
class AlertingEndToEndIT {

  private static final Duration DEADLINE = Duration.ofSeconds(40);

  @TempDir Path tmp;

  @Test
  void aFailingCollectorRaisesAnAlertInAlertmanagerThatResolvesWhenItRecovers() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("proc"));
    String meminfo = Files.readString(Fixtures.path("proc/meminfo"));
    Files.writeString(proc.resolve("meminfo"), meminfo);
    Path conf =
        Files.writeString(
            tmp.resolve("monitor.conf"),
            """
        host.label = "it-node"
        host.proc-path = "%s"
        self-metrics.jvm = false
        # Only the collector this test breaks: the others would read this test's proc directory.
        plugins.defaults { enabled = false, interval = 1s }
        plugins.mem.enabled = true
        """
                .formatted(proc));
    Path home = Distribution.unpack(Files.createDirectories(tmp.resolve("dist")));
    int agentPort = Ports.free();

    try (AlertmanagerServer alertmanager = AlertmanagerServer.start(tmp.resolve("alertmanager"));
        AgentProcess agent =
            AgentProcess.start(home, agentPort, Map.of(), "--config", conf.toString())) {
      agent.awaitReady(Duration.ofSeconds(30));
      Path promDir = Files.createDirectories(tmp.resolve("prometheus"));
      Files.writeString(
          promDir.resolve("agent-collector-alerts.yml"), Deployments.rulesWithFor("2s"));
      Promtool.Result check = Promtool.run(promDir, "check", "rules", "agent-collector-alerts.yml");
      assertThat(check.exitCode()).as(check.output()).isZero();
      Files.writeString(
          promDir.resolve("prometheus.yml"),
          Deployments.prometheusConfigFor(agentPort, alertmanager.port()));

      try (PrometheusServer prometheus =
          PrometheusServer.start(promDir.resolve("prometheus.yml"), promDir)) {
        Supplier<String> logs =
            () ->
                "\nagent:\n"
                    + agent.log()
                    + "\nprometheus:\n"
                    + prometheus.log()
                    + "\nalertmanager:\n"
                    + alertmanager.log();
        awaitTrue(
            "Prometheus sees meminfo succeeding",
            logs,
            () ->
                !prometheus
                    .query(
                        "monitor_collector_success{job=\"agent-collector\",plugin=\"mem\",collector=\"meminfo\"} == 1")
                    .isEmpty());
        assertThat(collectorAlert(alertmanager)).isEmpty();

        // The kernel never writes this; the parser rejects it and the collector fails.
        replace(proc.resolve("meminfo"), "MemTotal:       lots kB\n" + meminfo);
        JsonNode alert =
            await(
                "MonitorCollectorFailing in Alertmanager",
                logs,
                () -> collectorAlert(alertmanager));
        assertThat(alert.path("status").path("state").asString()).isEqualTo("active");
        assertThat(labels(alert))
            .containsEntry("severity", "warning")
            .containsEntry("host", "it-node")
            .containsEntry("job", "agent-collector")
            .containsEntry("instance", "127.0.0.1:" + agentPort);
        assertThat(alert.path("annotations").path("summary").asString())
            .isEqualTo("Collector mem/meminfo is failing on it-node.");
        assertThat(alert.path("annotations").path("description").asString())
            .startsWith("The meminfo collector of plugin mem on it-node has failed every cycle");
        assertThat(agent.metrics())
            .contains(
                "monitor_collector_success{collector=\"meminfo\",host=\"it-node\",plugin=\"mem\"} 0.0");
        assertThat(
                RobustnessIT.value(
                    agent.metrics(),
                    "monitor_collector_errors_total{collector=\"meminfo\",host=\"it-node\",plugin=\"mem\"}"))
            .isPositive();

        replace(proc.resolve("meminfo"), meminfo);
        awaitTrue(
            "MonitorCollectorFailing resolved in Alertmanager",
            logs,
            () -> collectorAlert(alertmanager).isEmpty());
        assertThat(agent.metrics())
            .contains(
                "monitor_collector_success{collector=\"meminfo\",host=\"it-node\",plugin=\"mem\"} 1.0");

        assertThat(agentDownAlert(alertmanager)).isEmpty();
        agent.stop();
        JsonNode down =
            await("AgentCollectorDown in Alertmanager", logs, () -> agentDownAlert(alertmanager));
        assertThat(labels(down))
            .containsEntry("severity", "critical")
            .containsEntry("instance", "127.0.0.1:" + agentPort);
        assertThat(down.path("annotations").path("summary").asString())
            .isEqualTo("agent-collector on 127.0.0.1:" + agentPort + " is not answering scrapes.");
      }
    }
  }

  /** Swaps the file's content in one rename, so the collector never reads it half written. */
  private static void replace(Path file, String content) throws java.io.IOException {
    Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
    Files.move(
        next,
        file,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static Optional<JsonNode> collectorAlert(AlertmanagerServer am) {
    return find(am, "MonitorCollectorFailing", "collector", "meminfo");
  }

  private static Optional<JsonNode> agentDownAlert(AlertmanagerServer am) {
    return find(am, "AgentCollectorDown", "job", "agent-collector");
  }

  private static Optional<JsonNode> find(
      AlertmanagerServer am, String alertname, String label, String value) {
    return StreamSupport.stream(am.alerts().spliterator(), false)
        .filter(
            a ->
                alertname.equals(a.path("labels").path("alertname").asString(""))
                    && value.equals(a.path("labels").path(label).asString("")))
        .findFirst();
  }

  private static Map<String, String> labels(JsonNode alert) {
    Map<String, String> out = new java.util.TreeMap<>();
    alert.path("labels").forEachEntry((k, v) -> out.put(k, v.asString()));
    return out;
  }

  /** Polls {@code probe} until it finds something; fails after {@link #DEADLINE} with the logs. */
  private static <T> T await(String what, Supplier<String> logs, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Optional<T> found = probe.get();
    while (found.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + logs.get());
      }
      ServerProcess.pause(250);
      found = probe.get();
    }
    return found.get();
  }

  private static void awaitTrue(String what, Supplier<String> logs, BooleanSupplier condition) {
    await(what, logs, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }
}
