package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassPowerSupply;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * node_exporter's powersupplyclass collector: per supply of {@code /sys/class/power_supply}, a
 * gauge {@code node_power_supply_<name>{power_supply}} per numeric attribute node_exporter 1.5.0
 * maps (its names and scales: µA, µV, µWh, µAh, µW to base units, tenths of °C to °C), and {@code
 * node_power_supply_info} labelled with the text attributes. Supplies matching {@code
 * powersupply.ignored-supplies} (like {@code --collector.powersupply.ignored-supplies}) are left
 * out. Servers and VMs usually have none: empty result. Golden file (hand-made tree {@code
 * edge/system-power-supply}): {@code src/test/golden/powersupplyclass.prom}.
 */
@Extension
@CollectorInfo(name = "powersupplyclass", nodeExporter = true)
public final class PowerSupplyClassCollector implements Collector {

  /** Attribute file, metric name suffix and divisor, as node_exporter 1.5.0 maps them. */
  private record Mapping(String file, String suffix, double divisor) {}

  /** Text attribute file to info label; the supply's own name is {@code power_supply}. */
  private static final List<String> INFO_LABELS =
      List.of(
          "capacity_level",
          "charge_type",
          "health",
          "manufacturer",
          "model_name",
          "serial_number",
          "status",
          "technology",
          "type",
          "usb_type",
          "scope");

  private final HostPaths paths;
  private final Optional<Pattern> ignored;

  public PowerSupplyClassCollector(CollectorContext context) {
    paths = context.hostPaths();
    ignored = context.config().getPattern("powersupply.ignored-supplies");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysClassPowerSupply psc = SysClassPowerSupply.read(paths.sys("class", "power_supply"));
    MetricFamilies f = new MetricFamilies();
    for (SysClassPowerSupply.Supply s : psc.supplies()) {
      if (ignored.isPresent() && ignored.get().matcher(s.name()).find()) {
        continue;
      }
      for (Mapping m : MAPPINGS) {
        Long v = s.numbers().get(m.file());
        if (v != null) {
          String name = "node_power_supply_" + m.suffix();
          f.gauge(name, m.suffix() + " value of /sys/class/power_supply/<power_supply>.")
              .add(v / m.divisor(), "power_supply", s.name());
        }
      }
      f.info("node_power_supply_info", "info of /sys/class/power_supply/<power_supply>.")
          .addInfo(infoLabels(s));
    }
    return f.build();
  }

  private static String[] infoLabels(SysClassPowerSupply.Supply s) {
    List<String> labels = new ArrayList<>(2 + 2 * INFO_LABELS.size());
    labels.add("power_supply");
    labels.add(s.name());
    for (String label : INFO_LABELS) {
      String value = s.texts().get(label);
      // node_exporter leaves out an empty value, so a label set differs between supplies
      if (value != null && !value.isEmpty()) {
        labels.add(label);
        labels.add(value);
      }
    }
    return labels.toArray(String[]::new);
  }

  /** Plain values: percent, counts, 0/1 flags. */
  private static final String PLAIN =
      "authentic calibrate capacity capacity_alert_max capacity_alert_min online present";

  /** Micro-units (µA, µV, µWh, µAh, µW), exposed in base units. */
  private static final String MICRO =
      "current_boot current_max current_now energy_empty energy_empty_design energy_full"
          + " energy_full_design energy_now voltage_boot voltage_max voltage_max_design"
          + " voltage_min voltage_min_design voltage_now voltage_ocv charge_control_limit"
          + " charge_control_limit_max charge_counter charge_empty charge_empty_design"
          + " charge_full charge_full_design charge_now charge_term_current"
          + " constant_charge_current constant_charge_current_max constant_charge_voltage"
          + " constant_charge_voltage_max precharge_current input_current_limit power_now";

  /** Tenths of a degree Celsius. */
  private static final String TENTHS_CELSIUS =
      "temp temp_alert_max temp_alert_min temp_ambient temp_ambient_max temp_ambient_min"
          + " temp_max temp_min";

  /** Attributes node_exporter names otherwise than the file. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "cycle_count", "cyclecount",
          "time_to_empty_now", "time_to_empty_seconds",
          "time_to_full_now", "time_to_full_seconds",
          "current_now", "current_ampere",
          "energy_now", "energy_watthour",
          "voltage_now", "voltage_volt",
          "charge_now", "charge_ampere",
          "power_now", "power_watt");

  /** After the lists above: static fields are initialised in order. */
  private static final List<Mapping> MAPPINGS = mappings();

  private static List<Mapping> mappings() {
    List<Mapping> m = new ArrayList<>();
    // Built once at class load: the split is not per cycle.
    for (String a : (PLAIN + " cycle_count time_to_empty_now time_to_full_now").split(" ")) {
      m.add(new Mapping(a, RENAMED.getOrDefault(a, a), 1));
    }
    for (String a : MICRO.split(" ")) {
      m.add(new Mapping(a, RENAMED.getOrDefault(a, a), 1e6));
    }
    for (String a : TENTHS_CELSIUS.split(" ")) {
      m.add(new Mapping(a, a + "_celsius", 10));
    }
    return List.copyOf(m);
  }
}
