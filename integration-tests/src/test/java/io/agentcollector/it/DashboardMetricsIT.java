package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every metric name the Grafana dashboard and the alert rules use is in the exposition of a real
 * agent: the tarball with the docker plugin against the private dockerd, a container under a CPU
 * quota and a memory limit (the throttling and ratio series exist only then), a stopped one (exit
 * code and OOM-killed exist only then), and the k8s-labels enricher on (its status series exist
 * only with an enricher; here it points at a closed loopback port, so it reports unreachable). Then
 * a real Prometheus scrapes that agent with the shipped rules: every panel query and variable
 * returns series and every rule evaluates without error.
 */
class DashboardMetricsIT {

  /** Written by Prometheus for each scrape, never by the agent. */
  static final Set<String> PROMETHEUS_SERIES =
      Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  private static final Duration DEADLINE = Duration.ofSeconds(40);

  /**
   * The dashboard's variables as Grafana fills them when this test's host and containers are picked
   * (a multi-value pick is a regex alternation); a 10 s rate window holds several 1 s scrapes.
   */
  private static final Map<String, String> VARIABLES =
      Map.of(
          "job",
          "agent-collector",
          "host",
          "it-node",
          "container",
          "(it-dash-busy|it-dash-stopped)",
          "__rate_interval",
          "10s");

  @TempDir Path tmp;

  @Test
  void everyNameTheDashboardAndRulesUseIsExposedAndEveryPanelHasData() throws Exception {
    DockerCli docker = DockerCli.fromEnvironment();
    GrafanaDashboard dashboard = GrafanaDashboard.read(Deployments.dashboard());
    Map<String, String> usedBy = new LinkedHashMap<>();
    dashboard
        .queries()
        .forEach(
            q ->
                PromqlNames.of(q.expr()).forEach(n -> usedBy.putIfAbsent(n, "panel " + q.panel())));
    dashboard
        .variables()
        .forEach(
            v ->
                PromqlNames.of(v.selector())
                    .forEach(n -> usedBy.putIfAbsent(n, "variable $" + v.name())));
    Deployments.alertRules()
        .forEach(
            r ->
                PromqlNames.of(r.expr()).forEach(n -> usedBy.putIfAbsent(n, "alert " + r.alert())));
    assertThat(usedBy).hasSizeGreaterThan(25);

    Path kubeconfig =
        Files.writeString(
            tmp.resolve("kubeconfig"),
            """
        apiVersion: v1
        kind: Config
        clusters: [{name: none, cluster: {server: "http://127.0.0.1:%d"}}]
        users: [{name: none, user: {token: none}}]
        contexts: [{name: none, context: {cluster: none, user: none}}]
        current-context: none
        """
                .formatted(Ports.free()));
    Path conf =
        Files.writeString(
            tmp.resolve("monitor.conf"),
            """
        host.label = "it-node"
        plugins.defaults.interval = 1s
        plugins.docker.socket = "%s"
        plugins.k8s-labels { enabled = true, node-name = "it-node", kubeconfig = "%s" }
        """
                .formatted(docker.host, kubeconfig));
    Path home = Distribution.unpack(Files.createDirectories(tmp.resolve("dist")));
    int agentPort = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(home, agentPort, Map.of(), "--config", conf.toString())) {
      docker.start(
          "it-dash-busy", List.of("--cpus", "0.2", "--memory", "64m"), "while :; do :; done");
      docker.start("it-dash-stopped", List.of(), "exit 3");
      agent.awaitReady(Duration.ofSeconds(30));

      Set<String> missing = missing(agent, usedBy.keySet());
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        ServerProcess.pause(250);
        missing = missing(agent, usedBy.keySet());
      }
      assertThat(missing)
          .as(
              "names used but not exposed (used by: %s)\nlog:\n%s",
              missing.stream().map(n -> n + " <- " + usedBy.get(n)).toList(), agent.log())
          .isEmpty();

      Path promDir = Files.createDirectories(tmp.resolve("prometheus"));
      Files.copy(Deployments.rules(), promDir.resolve("agent-collector-alerts.yml"));
      // No Alertmanager here: alerts go to a closed loopback port.
      Files.writeString(
          promDir.resolve("prometheus.yml"),
          Deployments.prometheusConfigFor(agentPort, Ports.free()));
      try (PrometheusServer prometheus =
          PrometheusServer.start(promDir.resolve("prometheus.yml"), promDir)) {
        List<String> pending = new ArrayList<>();
        dashboard
            .queries()
            .forEach(q -> pending.add(GrafanaDashboard.substitute(q.expr(), VARIABLES)));
        dashboard
            .variables()
            .forEach(v -> pending.add(GrafanaDashboard.substitute(v.selector(), VARIABLES)));
        deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
          pending.removeIf(expr -> !prometheus.query(expr).isEmpty());
          if (pending.isEmpty() || System.nanoTime() > deadline) {
            break;
          }
          ServerProcess.pause(500);
        }
        assertThat(pending)
            .as("queries without data\nprometheus log:\n%s", prometheus.log())
            .isEmpty();
        for (GrafanaDashboard.Variable v : dashboard.variables()) {
          for (JsonNode series :
              prometheus.query(GrafanaDashboard.substitute(v.selector(), VARIABLES))) {
            assertThat(series.path("metric").path(v.label()).asString(""))
                .as("$%s", v.name())
                .isNotEmpty();
          }
        }
        assertThat(prometheus.query("container_memory_usage_ratio{name=\"it-dash-busy\"}"))
            .as("a value, not only a name")
            .singleElement()
            .satisfies(
                s -> assertThat(s.path("value").get(1).asString()).matches("0\\.\\d+(e-\\d+)?"));
        assertRulesEvaluateCleanly(prometheus);
      }
      agent.stop();
    } finally {
      docker.run("rm", "-f", "it-dash-busy", "it-dash-stopped");
    }
  }

  private static Set<String> missing(AgentProcess agent, Set<String> names) {
    Set<String> exposed =
        ExpositionSamples.parse(agent.metrics()).samples().stream()
            .map(ExpositionSamples.Sample::name)
            .collect(Collectors.toSet());
    Set<String> out = new TreeSet<>(names);
    out.removeAll(exposed);
    out.removeAll(PROMETHEUS_SERIES);
    return out;
  }

  /** Waits until every rule has been evaluated, then requires health ok of each. */
  private static void assertRulesEvaluateCleanly(PrometheusServer prometheus) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    JsonNode groups = prometheus.ruleGroups();
    while (!evaluated(groups) && System.nanoTime() < deadline) {
      ServerProcess.pause(500);
      groups = prometheus.ruleGroups();
    }
    int rules = 0;
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        rules++;
        assertThat(rule.path("health").asString())
            .as("%s: %s", rule.path("name").asString(), rule.path("lastError").asString(""))
            .isEqualTo("ok");
      }
    }
    assertThat(rules).isEqualTo(Deployments.alertRules().size());
  }

  private static boolean evaluated(JsonNode groups) {
    if (groups.isEmpty()) {
      return false;
    }
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.path("lastEvaluation").asString("").startsWith("0001-")) {
          return false;
        }
      }
    }
    return true;
  }
}
