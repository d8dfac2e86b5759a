package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * powersupplyclass on {@code testdata/fixtures/edge/system-power-supply}, hand-made after the power
 * supply class ABI (the build VM has none): a laptop's AC and BAT0 (energy in µWh), a USB-C source
 * (usb_type, µV/µA limits) and a phone fuel gauge {@code bms} (charge in µAh, negative current,
 * temperatures in tenths of °C), each a link into {@code devices/} as in sysfs.
 */
class PowerSupplyClassCollectorGoldenTest {

  static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(PowerSupplyClassCollector::new, context);
  }

  static TestContext fixture() {
    return TestContext.forPlugin("system")
        .withHostPaths(Fixtures.hostPaths("edge/system-power-supply"));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(fixture()), "powersupplyclass.prom");
  }

  @Test
  void namesAndScalesAsNodeExporter() throws Exception {
    MetricSnapshots out = run(fixture());
    assertThat(Exposition.value(out, "node_power_supply_energy_watthour", "power_supply", "BAT0"))
        .hasValue(43.78);
    assertThat(Exposition.value(out, "node_power_supply_cyclecount", "power_supply", "BAT0"))
        .hasValue(112);
    assertThat(Exposition.value(out, "node_power_supply_current_ampere", "power_supply", "bms"))
        .hasValue(-0.45);
    assertThat(Exposition.value(out, "node_power_supply_temp_celsius", "power_supply", "bms"))
        .hasValue(28.5);
    assertThat(Exposition.value(out, "node_power_supply_time_to_full_seconds")).hasValue(3600);
    assertThat(Exposition.value(out, "node_power_supply_online", "power_supply", "AC")).hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_power_supply_info",
                "power_supply",
                "ucsi-source-psy-USBC000:001",
                "usb_type",
                "[C] PD PD_PPS",
                "type",
                "USB"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_power_supply_info", "serial_number", "1234"))
        .as("trimmed")
        .hasValue(1);
  }

  @Test
  void ignoredSuppliesAreLeftOut() throws Exception {
    MetricSnapshots out =
        run(fixture().withConfig("powersupply.ignored-supplies = \"^(AC|ucsi-.*)$\""));
    assertThat(Exposition.value(out, "node_power_supply_online", "power_supply", "AC")).isEmpty();
    assertThat(Exposition.value(out, "node_power_supply_capacity", "power_supply", "BAT0"))
        .hasValue(87);
  }

  @Test
  void aBadIgnorePatternNamesTheKey() {
    assertThatThrownBy(() -> run(fixture().withConfig("powersupply.ignored-supplies = \"(\"")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("plugins.system.powersupply.ignored-supplies");
  }

  @Test
  void noSuppliesIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(TestContext.forPlugin("system")).size()).isZero();
    assertThat(run(TestContext.forPlugin("system").withHostPaths(HostPaths.under(root))).size())
        .isZero();
  }
}
