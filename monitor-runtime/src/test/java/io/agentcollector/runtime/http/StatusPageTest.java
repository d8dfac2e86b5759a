package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.config.LandingPageMode;
import io.agentcollector.runtime.http.StatusPage.PluginInfo;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorSpec;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.RunnerServices;
import io.agentcollector.runtime.schedule.SeriesBudget;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  private static final String BROKEN =
      "/srv/secret-host/proc/diskstats line 7: \"8 0 sda \u0000\u00ffTOKEN=abc\" is not a number";
  private static final Path BAD_JAR = Path.of("/opt/agent/plugins/plugin-bad-1.0.jar");

  private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<CollectorRunner> runners = new ArrayList<>();
  private final FamilyOwners owners = new FamilyOwners();

  @BeforeEach
  void runOneCycle() {
    // Deliberately out of order: the page sorts by (plugin, collector).
    runners.add(runner("system", "uname", null));
    runners.add(runner("disk", "diskstats", BROKEN));
    runners.add(runner("containers", "containers", null));
    runners.add(runner("cpu", "loadavg", null));
    runners.add(runner("cpu", "cpu", null));
    runners.forEach(r -> r.runOnce(timer));
    clock.advance(Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private CollectorRunner runner(String plugin, String name, String failure) {
    Collector c =
        new Collector() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public MetricSnapshots collect() throws Exception {
            if (failure != null) {
              throw new java.io.IOException(failure);
            }
            MetricFamilies f = new MetricFamilies();
            f.gauge(plugin.replace('-', '_') + "_" + name + "_value", "h")
                .add(1, "k", "a")
                .add(2, "k", "b");
            return f.build();
          }
        };
    return new CollectorRunner(
        new CollectorSpec(
            plugin, c, Duration.ofSeconds(5), Duration.ofSeconds(10), SeriesBudget.unlimited()),
        new RunnerServices(clock, new LabelInjector(Map.of()), owners));
  }

  private String page(LandingPageMode mode) {
    List<PluginInfo> plugins =
        List.of(
            new PluginInfo(
                "system",
                "1.2.0",
                "collectors",
                Path.of("/opt/agent/plugins/plugin-system.jar"),
                () -> ""),
            new PluginInfo(
                "docker",
                "1.0.0",
                "container runtime",
                Path.of("/opt/agent/plugins/docker"),
                () -> "not answering: connect /var/run/docker.sock: No such file"),
            new PluginInfo(
                "cpu",
                "1.1.0",
                "collectors",
                Path.of("/opt/agent/plugins/plugin-cpu.jar"),
                () -> ""),
            new PluginInfo(
                "k8s-labels",
                "1.0.0",
                "enricher",
                Path.of("/opt/agent/plugins/k8s"),
                () -> "disabled"),
            new PluginInfo(
                "cgroup-v2",
                "1.0.0",
                "cgroup reader",
                Path.of("/opt/agent/plugins/cg2"),
                () -> "ok"),
            new PluginInfo(
                "disk",
                "1.0.0",
                "collectors",
                Path.of("/opt/agent/plugins/plugin-disk.jar"),
                () -> ""),
            new PluginInfo("containers", "0.9.0", "container metrics (built-in)", null, () -> ""));
    StatusPage.Context ctx =
        new StatusPage.Context(
            new BuildInfo("0.9.0", "abc123", "17"),
            mode,
            "http://0.0.0.0:9100/",
            Path.of("/etc/agent/monitor.conf"),
            clock,
            Instant.parse("2026-12-01T09:58:57Z"),
            plugins,
            Map.of(
                BAD_JAR,
                "its bad-defaults.conf does not parse: " + BAD_JAR + ": 3: \"\u0001raw\""));
    return new StatusPage(ctx, runners).html();
  }

  @Test
  void everyPluginAndEveryCollectorSortedWithVersions() {
    String html = page(LandingPageMode.SUMMARY);
    assertThat(column(table(html, "plugins"), 0))
        .containsExactly(
            "cgroup-v2", "containers", "cpu", "disk", "docker", "k8s-labels", "system");
    List<List<String>> collectors = table(html, "collectors");
    assertThat(collectors)
        .extracting(r -> r.get(0) + "/" + r.get(1))
        .containsExactly(
            "containers/containers", "cpu/cpu", "cpu/loadavg", "disk/diskstats", "system/uname");
    assertThat(collectors.get(0))
        .as("containers: the agent's own version")
        .containsExactly("containers", "containers", "0.9.0", "OK", "5s", "3s ago", "2", "0", "");
    assertThat(collectors.get(2))
        .containsExactly("cpu", "loadavg", "1.1.0", "OK", "5s", "3s ago", "2", "0", "");
    assertThat(collectors.get(3).subList(0, 8))
        .containsExactly("disk", "diskstats", "1.0.0", "FAILING", "5s", "never", "0", "1");
    List<List<String>> plugins = table(html, "plugins");
    assertThat(plugins.get(1))
        .containsExactly(
            "containers", "0.9.0", "container metrics (built-in)", "enabled", "1 (1 ok)");
    assertThat(plugins.get(0)).containsExactly("cgroup-v2", "1.0.0", "cgroup reader", "ok", "");
    assertThat(plugins.get(3))
        .containsExactly("disk", "1.0.0", "collectors", "enabled", "1 (0 ok)");
    assertThat(plugins.get(5)).containsExactly("k8s-labels", "1.0.0", "enricher", "disabled", "");
    assertThat(html)
        .contains("<th>Listening on</th><td>http://0.0.0.0:9100/</td>")
        .contains("<th>Up</th><td>1m6s (since 2026-12-01T09:58:57Z)</td>")
        .contains("href=\"/metrics\"")
        .contains("href=\"/-/ready\"")
        .contains("href=\"/-/healthy\"")
        .contains("README.md")
        .contains("docs/landing-page.md")
        .doesNotContain("<script")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void summaryShowsNoPathsAndNoFileBytes() {
    String html = page(LandingPageMode.SUMMARY);
    assertThat(html)
        .doesNotContain("/srv/")
        .doesNotContain("/opt/agent")
        .doesNotContain("/etc/agent")
        .doesNotContain("/var/run")
        .doesNotContain("TOKEN")
        .doesNotContain("raw")
        .doesNotContain("\u0000")
        .doesNotContain("<th>file</th></tr>");
    List<String> disk = table(html, "collectors").get(3);
    assertThat(disk.get(8))
        .isEqualTo("IOException: …/diskstats line 7: &quot;…&quot; is not a number");
    assertThat(table(html, "plugins").get(4).get(3))
        .isEqualTo("not answering: connect …/docker.sock: No such file");
    assertThat(table(html, "not-loaded"))
        .containsExactly(
            List.of(
                "plugin-bad-1.0.jar",
                "its bad-defaults.conf does not parse: …/plugin-bad-1.0.jar: 3: &quot;…&quot;"));
  }

  @Test
  void detailedShowsPathsAndFullErrors() {
    String html = page(LandingPageMode.DETAILED);
    assertThat(html)
        .contains("<th>Config file</th><td>/etc/agent/monitor.conf</td>")
        .contains("/opt/agent/plugins/plugin-cpu.jar")
        .contains("/srv/secret-host/proc/diskstats line 7")
        .contains("/var/run/docker.sock");
    assertThat(table(html, "not-loaded").get(0).get(0)).isEqualTo(BAD_JAR.toString());
    assertThat(table(html, "plugins").get(1)).last().isEqualTo("built in");
  }

  @Test
  void offIsOneLinePointingAtMetrics() {
    String html = page(LandingPageMode.OFF);
    assertThat(html)
        .contains("href=\"/metrics\"")
        .doesNotContain("<table")
        .doesNotContain("0.9.0")
        .doesNotContain("diskstats")
        .hasLineCount(1);
  }

  @Test
  void notReadyNamesCollectorsWithoutAFinishedCycle() {
    CollectorRunner waiting = runner("net", "netdev", null);
    runners.add(waiting);
    StatusPage page =
        new StatusPage(new BuildInfo("1", "r", "17"), runners, Map.of("net", "1"), Map.of());
    assertThat(page.notReady()).containsExactly("net/netdev");
    assertThat(page.html()).contains("<th>Ready</th><td>no, waiting for net/netdev</td>");
  }

  /** The rows of table {@code id}, header left out, cells as text. */
  static List<List<String>> table(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("table %s", id).isPositive();
    String t = html.substring(start, html.indexOf("</table>", start));
    List<List<String>> rows = new ArrayList<>();
    for (String tr : t.split("<tr>")) {
      if (!tr.contains("<td")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(tr);
      while (m.find()) {
        cells.add(m.group(1));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<String> column(List<List<String>> rows, int i) {
    return rows.stream().map(r -> r.get(i)).toList();
  }
}
