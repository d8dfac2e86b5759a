package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassHwmon;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's hwmon collector: per chip and sensor of {@code /sys/class/hwmon}, {@code
 * node_hwmon_<type>[_<property>]_<unit>{chip,sensor}} (temp celsius, in/cpu volts, curr amps, power
 * watt, energy joule_total, fan rpm, humidity ratio, ...), {@code
 * node_hwmon_sensor_label{chip,sensor,label}} and {@code node_hwmon_chip_names{chip,chip_name}},
 * named and scaled as node_exporter 1.5.0 does. Most VMs have no hwmon: empty result. Golden file
 * (hand-made tree {@code edge/system-hwmon}): {@code src/test/golden/hwmon.prom}.
 */
@Extension
@CollectorInfo(name = "hwmon", nodeExporter = true)
public final class HwmonCollector implements Collector {

  private static final List<String> AVERAGE_INTERVALS =
      List.of("average_interval", "average_interval_min", "average_interval_max");
  private static final List<String> FAN_RPM = List.of("input", "min", "max", "target");

  private final HostPaths paths;
  private final Logger log;

  public HwmonCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    List<SysClassHwmon.Chip> chips = SysClassHwmon.read(paths.sys("class", "hwmon"));
    if (chips.isEmpty()) {
      log.debug("no hwmon chips under {}", paths.sys("class", "hwmon"));
    }
    Set<String> seen = new HashSet<>();
    for (SysClassHwmon.Chip chip : chips) {
      chip.chipName()
          .ifPresent(
              n ->
                  f.gauge(
                          "node_hwmon_chip_names",
                          "Human-readable name of each hwmon chip (value 1).")
                      .add(1, "chip", chip.chip(), "chip_name", n));
      chip.sensors().forEach((sensor, attrs) -> mapSensor(chip.chip(), sensor, attrs, f, seen));
    }
    return f.build();
  }

  private void mapSensor(
      String chip, String sensor, Map<String, String> attrs, MetricFamilies f, Set<String> seen) {
    String type = SysClassHwmon.explode(sensor).map(SysClassHwmon.SensorFile::type).orElse(sensor);
    String label = attrs.get("label");
    if (label != null) {
      f.gauge("node_hwmon_sensor_label", "Label of a hwmon sensor (value 1).")
          .add(1, "chip", chip, "sensor", sensor, "label", label);
    }
    Series s = new Series(f, seen, chip, sensor);
    if (mapChipSetting(s, type, attrs.get(""))) {
      return;
    }
    String prefix = "node_hwmon_" + type;
    attrs.forEach(
        (element, raw) -> {
          if (element.equals("label")) {
            return;
          }
          String name = prefix;
          if (element.equals("input")) {
            // The input is the sensor's value; keep "_input" only if a bare <type><N> file exists.
            if (attrs.containsKey("")) {
              name = name + "_input";
            }
          } else if (!element.isEmpty()) {
            name = name + "_" + SysClassHwmon.clean(element);
          }
          OptionalDouble parsed = SysClassHwmon.number(raw);
          if (parsed.isPresent()) {
            mapValue(s, type, element, name, parsed.getAsDouble());
          }
        });
  }

  /**
   * The chip-wide settings beep_enable, vrm and update_interval, named apart.
   *
   * @return whether {@code type} is one of them
   */
  private boolean mapChipSetting(Series s, String type, String value) {
    switch (type) {
      case "beep_enable" ->
          emit(
              s,
              "node_hwmon_beep_enabled",
              "Whether the chip may beep.",
              "1".equals(value) ? 1 : 0);
      case "vrm" ->
          SysClassHwmon.number(value)
              .ifPresent(
                  v ->
                      emit(
                          s,
                          "node_hwmon_voltage_regulator_version",
                          "Voltage regulator module version.",
                          v));
      case "update_interval" ->
          SysClassHwmon.number(value)
              .ifPresent(
                  v ->
                      emit(
                          s,
                          "node_hwmon_update_interval_seconds",
                          "Update interval of the chip.",
                          v * 0.001));
      default -> {
        return false;
      }
    }
    return true;
  }

  /** One attribute of a sensor, with node_exporter's unit suffix and scale. */
  private void mapValue(Series s, String type, String element, String name, double v) {
    String what = "hwmon " + type + " " + (element.isEmpty() ? "input" : element);
    // Units as node_exporter: sysfs reports milli-units (m°C, mV, mA, ms) and micro-units
    // (µW, µJ).
    if (element.equals("fault") || element.equals("alarm")) {
      emit(s, name, what + " status.", v);
    } else if (element.equals("beep")) {
      emit(s, name + "_enabled", what + " enabled.", v);
    } else if (type.equals("in") || type.equals("cpu")) {
      emit(s, name + "_volts", what + " in volts.", v * 0.001);
    } else if (type.equals("temp") && !element.equals("type")) {
      emit(s, name + "_celsius", what + " in °C.", v * 0.001);
    } else if (type.equals("curr")) {
      emit(s, name + "_amps", what + " in amperes.", v * 0.001);
    } else if (type.equals("energy")) {
      emit(s, name + "_joule_total", what + ": energy used, in joules.", v / 1000000.0);
    } else if (type.equals("power") && element.equals("accuracy")) {
      emit(s, name, "hwmon power meter accuracy as a ratio.", v / 1000000.0);
    } else if (type.equals("power") && AVERAGE_INTERVALS.contains(element)) {
      emit(s, name + "_seconds", what + " in seconds.", v * 0.001);
    } else if (type.equals("power")) {
      emit(s, name + "_watt", what + " in watts.", v / 1000000.0);
    } else if (type.equals("humidity")) {
      emit(s, name, what + " as a ratio.", v / 1000000.0);
    } else if (type.equals("fan") && FAN_RPM.contains(element)) {
      emit(s, name + "_rpm", what + " in rotations per minute.", v);
    } else {
      emit(s, name, what + ".", v);
    }
  }

  /** Where the samples of one sensor go; {@code seen} holds the series added this cycle. */
  private record Series(MetricFamilies f, Set<String> seen, String chip, String sensor) {}

  /**
   * Adds a sample (a gauge; energy is a counter) unless the same series was already added, which
   * node_exporter's registry would also drop.
   */
  private void emit(Series s, String name, String help, double value) {
    if (!s.seen().add(name + '\0' + s.chip() + '\0' + s.sensor())) {
      log.debug(
          "duplicate hwmon series {}{{chip={},sensor={}}} dropped", name, s.chip(), s.sensor());
      return;
    }
    MetricFamilies.Family family =
        name.endsWith("_joule_total") ? s.f().counter(name, help) : s.f().gauge(name, help);
    family.add(value, "chip", s.chip(), "sensor", s.sensor());
  }
}
