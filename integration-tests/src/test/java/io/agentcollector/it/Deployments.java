package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The Prometheus and Grafana files under {@code deployments/} that users load. */
final class Deployments {

  /** One alerting rule of the shipped rules file. */
  record AlertRule(
      String group,
      String alert,
      String expr,
      String forDuration,
      JsonNode labels,
      JsonNode annotations) {}

  private Deployments() {}

  static Path prometheusDir() {
    return Fixtures.projectRoot().resolve("deployments/prometheus");
  }

  static Path rules() {
    return prometheusDir().resolve("agent-collector-alerts.yml");
  }

  /** Relative to {@link #prometheusDir()}, as promtool is run from there. */
  static final String RULE_TESTS = "tests/agent-collector-alerts.test.yml";

  static Path prometheusConfig() {
    return prometheusDir().resolve("prometheus.yml");
  }

  static Path dashboard() {
    return Fixtures.projectRoot().resolve("deployments/grafana/agent-collector.json");
  }

  static List<AlertRule> alertRules() {
    List<AlertRule> out = new ArrayList<>();
    for (JsonNode group : Json.readYaml(rules()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          out.add(
              new AlertRule(
                  group.path("name").asString(),
                  rule.path("alert").asString(),
                  rule.path("expr").asString(),
                  rule.has("for") ? rule.path("for").asString() : null,
                  rule.path("labels"),
                  rule.path("annotations")));
        }
      }
    }
    return out;
  }

  /**
   * The shipped rules for a test that cannot wait minutes: every {@code for:} set to {@code
   * duration}, the rest as shipped. Fails if the file has fewer {@code for:} lines than rules with
   * one.
   */
  static String rulesWithFor(String duration) throws IOException {
    Matcher m = Pattern.compile("(?m)^(\\s+for: )\\S+$").matcher(Files.readString(rules()));
    int count = 0;
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + duration));
      count++;
    }
    m.appendTail(out);
    long withFor = alertRules().stream().filter(r -> r.forDuration() != null).count();
    assertThat(count).as("for: lines rewritten").isEqualTo(withFor).isPositive();
    return out.toString();
  }

  /**
   * The shipped prometheus.yml for a test: scraping the agent on {@code agentPort}, sending to the
   * Alertmanager on {@code alertmanagerPort}, 1s scrape and evaluation intervals. Each replaced
   * text must occur exactly once, so the shipped file cannot drift from what the tests run.
   */
  static String prometheusConfigFor(int agentPort, int alertmanagerPort) throws IOException {
    String config = Files.readString(prometheusConfig());
    config = replaceOnce(config, "scrape_interval: 15s", "scrape_interval: 1s");
    config = replaceOnce(config, "evaluation_interval: 15s", "evaluation_interval: 1s");
    config = replaceOnce(config, "\"127.0.0.1:9100\"", "\"127.0.0.1:" + agentPort + "\"");
    return replaceOnce(config, "\"127.0.0.1:9093\"", "\"127.0.0.1:" + alertmanagerPort + "\"");
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("%s in the shipped prometheus.yml", from).isNotNegative();
    assertThat(text.indexOf(from, at + 1)).as("%s only once", from).isNegative();
    return text.replace(from, to);
  }
}
