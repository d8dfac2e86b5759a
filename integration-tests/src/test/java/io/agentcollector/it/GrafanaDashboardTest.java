package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's structure: what Grafana needs to import it and what makes its variables apply.
 */
class GrafanaDashboardTest {

  /** Grafana's import replaces it with the data source the user picks. */
  private static final String DATA_SOURCE = "${DS_PROMETHEUS}";

  private final GrafanaDashboard dashboard = GrafanaDashboard.read(Deployments.dashboard());

  /**
   * Import asks for a Prometheus data source (the input) and puts it into every query and variable.
   */
  @Test
  void importAsksForThePrometheusDataSource() {
    JsonNode inputs = dashboard.root.path("__inputs");
    assertThat(inputs).hasSize(1);
    assertThat(inputs.get(0).path("name").asString()).isEqualTo("DS_PROMETHEUS");
    assertThat(inputs.get(0).path("type").asString()).isEqualTo("datasource");
    assertThat(inputs.get(0).path("pluginId").asString()).isEqualTo("prometheus");
    for (JsonNode v : dashboard.root.path("templating").path("list")) {
      assertThat(v.path("type").asString())
          .as("no data source variable: the input picks it")
          .isNotEqualTo("datasource");
      assertThat(v.path("datasource").path("uid").asString())
          .as(v.path("name").asString())
          .isEqualTo(DATA_SOURCE);
    }
    // Every data source reference anywhere is the input (a fixed uid would not exist in the user's
    // Grafana).
    assertThat(dashboard.root.findValues("datasource"))
        .isNotEmpty()
        .allSatisfy(
            ds -> {
              assertThat(ds.path("type").asString()).isEqualTo("prometheus");
              assertThat(ds.path("uid").asString()).isEqualTo(DATA_SOURCE);
            });
  }

  @Test
  void importable() {
    assertThat(dashboard.root.path("uid").asString()).isEqualTo("agent-collector");
    assertThat(dashboard.root.path("title").asString()).isNotBlank();
    assertThat(dashboard.root.path("schemaVersion").asInt()).isPositive();
    Set<Integer> ids = new HashSet<>();
    List<JsonNode> all = new java.util.ArrayList<>(dashboard.panels());
    all.addAll(dashboard.rows());
    for (JsonNode p : all) {
      assertThat(ids.add(p.path("id").asInt())).as("unique id %s", p.path("id")).isTrue();
    }
    for (JsonNode p : dashboard.panels()) {
      assertThat(p.path("datasource").path("uid").asString("")).as(title(p)).isEqualTo(DATA_SOURCE);
      assertThat(p.path("description").asString("")).as(title(p)).isNotBlank();
      assertThat(p.path("targets")).as(title(p)).isNotEmpty();
      for (JsonNode t : p.path("targets")) {
        assertThat(t.path("datasource").path("uid").asString(""))
            .as(title(p))
            .isEqualTo(DATA_SOURCE);
      }
    }
  }

  @Test
  void panelsFitTheGridWithoutOverlapping() {
    List<JsonNode> all = new java.util.ArrayList<>(dashboard.panels());
    all.addAll(dashboard.rows());
    for (int i = 0; i < all.size(); i++) {
      JsonNode a = all.get(i).path("gridPos");
      assertThat(a.path("w").asInt()).as(title(all.get(i))).isBetween(1, 24);
      assertThat(a.path("x").asInt() + a.path("w").asInt())
          .as(title(all.get(i)))
          .isLessThanOrEqualTo(24);
      assertThat(a.path("h").asInt()).as(title(all.get(i))).isPositive();
      for (int j = i + 1; j < all.size(); j++) {
        JsonNode b = all.get(j).path("gridPos");
        boolean overlap =
            a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
        assertThat(overlap).as("%s overlaps %s", title(all.get(i)), title(all.get(j))).isFalse();
      }
    }
  }

  @Test
  void everyQueryFollowsTheJobHostAndContainerVariables() {
    assertThat(dashboard.variables())
        .extracting(GrafanaDashboard.Variable::name)
        .containsExactly("job", "host", "container");
    for (GrafanaDashboard.Query q : dashboard.queries()) {
      assertThat(q.expr()).as("%s %s", q.panel(), q.refId()).contains("job=~\"$job\"");
      Set<String> names = PromqlNames.of(q.expr());
      // Prometheus' per-target series have no host label: joined to monitor_build_info's, except
      // up, whose 0 (agent down) has no agent series left to join.
      if (!names.equals(Set.of("up"))) {
        assertThat(q.expr()).as("%s %s", q.panel(), q.refId()).contains("host=~\"$host\"");
      }
      if (names.stream().anyMatch(n -> n.startsWith("container_"))) {
        assertThat(q.expr()).as("%s %s", q.panel(), q.refId()).contains("name=~\"$container\"");
      }
      assertThat(
              GrafanaDashboard.substitute(
                  q.expr(),
                  Map.of("job", "j", "host", "h", "container", "c", "__rate_interval", "1m")))
          .doesNotContain("$");
    }
  }

  private static String title(JsonNode panel) {
    return panel.path("title").asString("(untitled)");
  }
}
