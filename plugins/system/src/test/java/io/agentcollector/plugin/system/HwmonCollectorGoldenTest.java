package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

/**
 * hwmon on {@code testdata/fixtures/edge/system-hwmon}, a hand-made tree after the kernel's
 * sysfs-interface documentation (the build VM has no hwmon): coretemp (device link, labels),
 * nct6779 (volts, fans, pwm, beep, vrm, intrusion, current, humidity, unparsable value), an ACPI
 * power meter (watts, energy, intervals), a virtual chip with an odd name, a bare {@code temp1} and
 * an invalid UTF-8 label, an old-style chip whose attributes live in {@code device/}, and a plain
 * directory with neither name nor device.
 */
class HwmonCollectorGoldenTest {

  static MetricSnapshots run() throws Exception {
    return CollectorRun.once(
        HwmonCollector::new,
        TestContext.forPlugin("system").withHostPaths(Fixtures.hostPaths("edge/system-hwmon")));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(), "hwmon.prom");
  }

  @Test
  void unitsAndLabels() throws Exception {
    MetricSnapshots out = run();
    assertThat(
            Exposition.value(
                out, "node_hwmon_temp_celsius", "chip", "platform_coretemp_0", "sensor", "temp1"))
        .hasValue(45.0);
    assertThat(
            Exposition.value(
                out,
                "node_hwmon_sensor_label",
                "chip",
                "platform_coretemp_0",
                "sensor",
                "temp1",
                "label",
                "Package id 0"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_hwmon_chip_names",
                "chip",
                "platform_coretemp_0",
                "chip_name",
                "coretemp"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out, "node_hwmon_in_volts", "chip", "platform_nct6775_656", "sensor", "in0"))
        .hasValue(1.04);
    assertThat(Exposition.value(out, "node_hwmon_fan_rpm", "sensor", "fan1")).hasValue(1020);
    assertThat(
            Exposition.value(out, "node_hwmon_power_average_watt", "chip", "device:00_acpi000d:00"))
        .hasValue(345);
    assertThat(Exposition.value(out, "node_hwmon_energy_joule_total")).hasValue(123456.789);
    // a bare temp1 next to temp1_input: the bare file is the value, _input keeps its name
    assertThat(Exposition.value(out, "node_hwmon_temp_celsius", "chip", "dummy_sensor"))
        .hasValue(21);
    assertThat(Exposition.value(out, "node_hwmon_temp_input_celsius", "chip", "dummy_sensor"))
        .hasValue(21.5);
    assertThat(
            Exposition.value(
                out,
                "node_hwmon_sensor_label",
                "chip",
                "dummy_sensor",
                "label",
                "Ambient \uFFFD sensor"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out, "node_hwmon_temp_crit_hyst_celsius", "chip", "pci0000:00_0000:00:18_3"))
        .hasValue(95);
    assertThat(Exposition.value(out, "node_hwmon_curr_amps", "chip", "hwmon5")).hasValue(0.25);
    assertThat(Exposition.value(out, "node_hwmon_temp_celsius", "sensor", "temp8"))
        .as("N/A is skipped")
        .isEmpty();
  }
}
