package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * thermal_zone on {@code testdata/fixtures/edge/system-thermal}, a hand-made laptop tree in the
 * kernel's format (the build VM has an empty /sys/class/thermal): three zones, one with a blank in
 * its type, and three cooling devices, intel_powerclamp at -1.
 */
class ThermalZoneCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        ThermalZoneCollector::new, TestContext.forPlugin("system").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/system-thermal")), "thermal_zone.prom");
  }

  @Test
  void celsiusAndStates() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/system-thermal"));
    assertThat(
            Exposition.value(out, "node_thermal_zone_temp", "zone", "10", "type", "x86_pkg_temp"))
        .hasValue(45.0);
    assertThat(Exposition.value(out, "node_thermal_zone_temp", "type", "acpitz")).hasValue(27.8);
    assertThat(
            Exposition.value(
                out, "node_cooling_device_cur_state", "name", "1", "type", "intel_powerclamp"))
        .hasValue(-1);
    assertThat(Exposition.value(out, "node_cooling_device_max_state", "type", "TCC Offset"))
        .hasValue(63);
  }

  @Test
  void noThermalDirectoryOrAnEmptyOneIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).as("no /sys/class/thermal").isZero();
    Files.createDirectories(root.resolve("sys/class/thermal"));
    assertThat(run(HostPaths.under(root)).size()).as("empty, as on the build VM").isZero();
  }
}
