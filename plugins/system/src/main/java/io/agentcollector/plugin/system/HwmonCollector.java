package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
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
public final class HwmonCollector implements Collector {

  private static final List<String> AVERAGE_INTERVALS =
      List.of("average_interval", "average_interval_min", "average_interval_max");
  private static final List<String> FAN_RPM = List.of("input", "min", "max", "target");

  private HostPaths paths;
  private Logger log;

  @Override
  public String name() {
    return "hwmon";
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return true;
  }

  @Override
  public void start(CollectorContext context) {
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
    switch (type) {
      case "beep_enable" -> {
        emit(
            f,
            seen,
            chip,
            sensor,
            "node_hwmon_beep_enabled",
            "Whether the chip may beep.",
            "1".equals(attrs.get("")) ? 1 : 0);
        return;
      }
      case "vrm" -> {
        SysClassHwmon.number(attrs.get(""))
            .ifPresent(
                v ->
                    emit(
                        f,
                        seen,
                        chip,
                        sensor,
                        "node_hwmon_voltage_regulator_version",
                        "Voltage regulator module version.",
                        v));
        return;
      }
      case "update_interval" -> {
        SysClassHwmon.number(attrs.get(""))
            .ifPresent(
                v ->
                    emit(
                        f,
                        seen,
                        chip,
                        sensor,
                        "node_hwmon_update_interval_seconds",
                        "Update interval of the chip.",
                        v * 0.001));
        return;
      }
      default -> {}
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
          if (parsed.isEmpty()) {
            return;
          }
          double v = parsed.getAsDouble();
          String what = type + " " + (element.isEmpty() ? "input" : element);
          // Units as node_exporter: sysfs reports milli-units (m°C, mV, mA, ms) and micro-units
          // (µW, µJ).
          if (element.equals("fault") || element.equals("alarm")) {
            emit(f, seen, chip, sensor, name, "hwmon " + what + " status.", v);
          } else if (element.equals("beep")) {
            emit(f, seen, chip, sensor, name + "_enabled", "hwmon " + what + " enabled.", v);
          } else if (type.equals("in") || type.equals("cpu")) {
            emit(f, seen, chip, sensor, name + "_volts", "hwmon " + what + " in volts.", v * 0.001);
          } else if (type.equals("temp") && !element.equals("type")) {
            emit(f, seen, chip, sensor, name + "_celsius", "hwmon " + what + " in °C.", v * 0.001);
          } else if (type.equals("curr")) {
            emit(
                f, seen, chip, sensor, name + "_amps", "hwmon " + what + " in amperes.", v * 0.001);
          } else if (type.equals("energy")) {
            emit(
                f,
                seen,
                chip,
                sensor,
                name + "_joule_total",
                "hwmon " + what + ": energy used, in joules.",
                v / 1000000.0);
          } else if (type.equals("power") && element.equals("accuracy")) {
            emit(
                f,
                seen,
                chip,
                sensor,
                name,
                "hwmon power meter accuracy as a ratio.",
                v / 1000000.0);
          } else if (type.equals("power") && AVERAGE_INTERVALS.contains(element)) {
            emit(
                f,
                seen,
                chip,
                sensor,
                name + "_seconds",
                "hwmon " + what + " in seconds.",
                v * 0.001);
          } else if (type.equals("power")) {
            emit(
                f,
                seen,
                chip,
                sensor,
                name + "_watt",
                "hwmon " + what + " in watts.",
                v / 1000000.0);
          } else if (type.equals("humidity")) {
            emit(f, seen, chip, sensor, name, "hwmon " + what + " as a ratio.", v / 1000000.0);
          } else if (type.equals("fan") && FAN_RPM.contains(element)) {
            emit(
                f,
                seen,
                chip,
                sensor,
                name + "_rpm",
                "hwmon " + what + " in rotations per minute.",
                v);
          } else {
            emit(f, seen, chip, sensor, name, "hwmon " + what + ".", v);
          }
        });
  }

  /**
   * Adds a sample (a gauge; energy is a counter) unless the same series was already added, which
   * node_exporter's registry would also drop.
   */
  private void emit(
      MetricFamilies f,
      Set<String> seen,
      String chip,
      String sensor,
      String name,
      String help,
      double value) {
    if (!seen.add(name + '\0' + chip + '\0' + sensor)) {
      log.debug("duplicate hwmon series {}{{chip={},sensor={}}} dropped", name, chip, sensor);
      return;
    }
    MetricFamilies.Family family =
        name.endsWith("_joule_total") ? f.counter(name, help) : f.gauge(name, help);
    family.add(value, "chip", chip, "sensor", sensor);
  }
}
