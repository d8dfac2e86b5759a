package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rapl on {@code testdata/fixtures/edge/system-rapl}, a hand-made Intel laptop (the build VM has no
 * powercap): package, core, uncore and dram of package 0, psys, and the MMIO interface's package 0,
 * next to the control types {@code intel-rapl} and {@code intel-rapl-mmio} (no name, no zone). The
 * fixture root in the {@code path} label is written {@code /sys} in the golden files.
 */
class RaplCollectorGoldenTest {

  private static final HostPaths FIXTURE = Fixtures.hostPaths("edge/system-rapl");

  static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(RaplCollector::new, context);
  }

  private static String text(MetricSnapshots out) {
    return Exposition.text(out).replace(FIXTURE.sys().toString(), "/sys");
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(
        text(run(TestContext.forPlugin("system").withHostPaths(FIXTURE))),
        Path.of("src/test/golden/rapl.prom"));
  }

  @Test
  void withTheZoneLabelMatchesItsGoldenFile() throws Exception {
    TestContext c =
        TestContext.forPlugin("system")
            .withHostPaths(FIXTURE)
            .withConfig("rapl.enable-zone-label = true");
    Golden.assertMatches(text(run(c)), Path.of("src/test/golden/rapl-zone-label.prom"));
  }

  @Test
  void joulesPerZoneWithIndexAndPath() throws Exception {
    MetricSnapshots out = run(TestContext.forPlugin("system").withHostPaths(FIXTURE));
    String pkg = FIXTURE.sys("class", "powercap", "intel-rapl:0").toString();
    assertThat(Exposition.value(out, "node_rapl_package_joules_total", "index", "0", "path", pkg))
        .hasValue(71936.289183);
    assertThat(Exposition.value(out, "node_rapl_core_joules_total", "index", "0"))
        .hasValue(39280.45839);
    assertThat(Exposition.value(out, "node_rapl_psys_joules_total")).hasValue(125067.880012);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "package, package",
    "a.b, a_b",
    "a_.._b, a_b",
    "a_-_-b, a__b",
    "__x, __x",
    "'x y', x_y",
    "-x-, _x_"
  })
  void sanitizedAsNodeExporter(String name, String sanitized) {
    assertThat(RaplCollector.sanitize(name)).isEqualTo(sanitized);
  }

  @Test
  void noPowercapIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(TestContext.forPlugin("system")).size()).isZero();
    assertThat(run(TestContext.forPlugin("system").withHostPaths(HostPaths.under(root))).size())
        .isZero();
  }
}
