package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.it.Deployments.AlertRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped alert rules and Prometheus config pass promtool's checks, and the rules' unit tests
 * (deployments/prometheus/tests) pass, cover every alert firing and not firing, and fail when a
 * rule stops firing.
 */
class AlertRulesIT {

  @TempDir Path tmp;

  @Test
  void rulesAndExampleConfigPassPromtoolCheck() throws Exception {
    int rules = Json.readYaml(Deployments.rules()).findValues("expr").size();
    Promtool.Result check =
        Promtool.run(Deployments.prometheusDir(), "check", "rules", "agent-collector-alerts.yml");
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + rules + " rules found");

    Promtool.Result config =
        Promtool.run(Deployments.prometheusDir(), "check", "config", "prometheus.yml");
    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(config.output())
        .contains("SUCCESS: 1 rule files found")
        .contains("SUCCESS: " + rules + " rules found");
  }

  @Test
  void unitTestsPass() throws Exception {
    Promtool.Result r =
        Promtool.run(Deployments.prometheusDir(), "test", "rules", Deployments.RULE_TESTS);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertHasAFiringAndANotFiringCase() {
    JsonNode tests = Json.readYaml(Deployments.prometheusDir().resolve(Deployments.RULE_TESTS));
    assertThat(tests.path("rule_files").get(0).asString())
        .isEqualTo("../agent-collector-alerts.yml");
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    for (JsonNode test : tests.path("tests")) {
      for (JsonNode eval : test.path("alert_rule_test")) {
        String name = eval.path("alertname").asString();
        JsonNode expected = eval.path("exp_alerts");
        if (expected.isEmpty()) {
          quiet.add(name);
        }
        for (JsonNode alert : expected) {
          firing.add(name + "/" + alert.path("exp_labels").path("severity").asString());
        }
      }
    }
    List<AlertRule> rules = Deployments.alertRules();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
    for (AlertRule rule : rules) {
      assertThat(firing)
          .as("a firing case of %s", rule.alert())
          .contains(rule.alert() + "/" + severity(rule));
      assertThat(quiet).as("a case where %s does not fire", rule.alert()).contains(rule.alert());
    }
  }

  @Test
  void everyAlertHasASeverityASummaryAndADescriptionWithLabels() {
    for (AlertRule rule : Deployments.alertRules()) {
      assertThat(severity(rule)).as(rule.alert()).isIn("critical", "warning", "info");
      assertThat(rule.annotations().path("summary").asString(""))
          .as(rule.alert())
          .contains("{{ $labels.");
      assertThat(rule.annotations().path("description").asString(""))
          .as(rule.alert())
          .contains("{{ $labels.");
    }
  }

  /**
   * With every rule rewritten to never fire, the unit tests fail for each alert and severity: no
   * alert's firing case passes by accident.
   */
  @Test
  void unitTestsFailForEveryAlertThatNeverFires() throws Exception {
    JsonNode rules = Json.readYaml(Deployments.rules());
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        ((ObjectNode) rule).put("expr", "vector(1) == 0");
      }
    }
    Files.writeString(tmp.resolve("agent-collector-alerts.yml"), Json.toYaml(rules));
    Files.createDirectories(tmp.resolve("tests"));
    Files.copy(
        Deployments.prometheusDir().resolve(Deployments.RULE_TESTS),
        tmp.resolve(Deployments.RULE_TESTS));

    Promtool.Result r = Promtool.run(tmp, "test", "rules", Deployments.RULE_TESTS);
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    // Nothing fires, so every Labels line promtool prints is an expected alert that did not come.
    Set<String> missed =
        r.output()
            .lines()
            .filter(l -> l.strip().startsWith("Labels:{"))
            .map(l -> value(l, "alertname") + "/" + value(l, "severity"))
            .collect(Collectors.toSet());
    for (AlertRule rule : Deployments.alertRules()) {
      assertThat(missed)
          .as("promtool output:\n%s", r.output())
          .contains(rule.alert() + "/" + severity(rule));
    }
  }

  private static String severity(AlertRule rule) {
    return rule.labels().path("severity").asString("");
  }

  private static String value(String labelsLine, String label) {
    int i = labelsLine.indexOf(label + "=\"");
    return i < 0
        ? ""
        : labelsLine.substring(
            i + label.length() + 2, labelsLine.indexOf('"', i + label.length() + 2));
  }
}
