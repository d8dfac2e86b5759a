package io.agentcollector.kernel.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /sys/class/power_supply/<name>/} (https://docs.kernel.org/power/power_supply_class.html,
 * ABI {@code sysfs-class-power}): batteries, mains and USB supplies, one attribute per file. The
 * numeric attributes prometheus/procfs knows are parsed (in the base their prefix says, as procfs
 * does; µA, µV, µWh, µAh, µW, tenths of °C or seconds, kept raw here), its text attributes kept
 * trimmed; other files are ignored. An attribute the driver refuses (EINVAL, EOPNOTSUPP, ENODATA)
 * or that is gone is absent. No such directory: no supplies.
 *
 * @param supplies in name order
 */
public record SysClassPowerSupply(List<Supply> supplies) {

  /**
   * @param name the directory name, e.g. {@code BAT0}, {@code AC}
   * @param numbers numeric attribute file to value
   * @param texts text attribute file to value (UTF-8)
   */
  public record Supply(String name, Map<String, Long> numbers, Map<String, String> texts) {}

  /** The numeric attributes of procfs' PowerSupply. */
  public static final Set<String> NUMERIC =
      Set.of(
          "authentic",
          "calibrate",
          "capacity",
          "capacity_alert_max",
          "capacity_alert_min",
          "charge_avg",
          "charge_control_limit",
          "charge_control_limit_max",
          "charge_counter",
          "charge_empty",
          "charge_empty_design",
          "charge_full",
          "charge_full_design",
          "charge_now",
          "charge_term_current",
          "constant_charge_current",
          "constant_charge_current_max",
          "constant_charge_voltage",
          "constant_charge_voltage_max",
          "current_avg",
          "current_boot",
          "current_max",
          "current_now",
          "cycle_count",
          "energy_avg",
          "energy_empty",
          "energy_empty_design",
          "energy_full",
          "energy_full_design",
          "energy_now",
          "input_current_limit",
          "online",
          "power_avg",
          "power_now",
          "precharge_current",
          "present",
          "temp",
          "temp_alert_max",
          "temp_alert_min",
          "temp_ambient",
          "temp_ambient_max",
          "temp_ambient_min",
          "temp_max",
          "temp_min",
          "time_to_empty_avg",
          "time_to_empty_now",
          "time_to_full_avg",
          "time_to_full_now",
          "voltage_avg",
          "voltage_boot",
          "voltage_max",
          "voltage_max_design",
          "voltage_min",
          "voltage_min_design",
          "voltage_now",
          "voltage_ocv");

  /** The text attributes of procfs' PowerSupply. */
  public static final Set<String> TEXT =
      Set.of(
          "capacity_level",
          "charge_type",
          "health",
          "manufacturer",
          "model_name",
          "scope",
          "serial_number",
          "status",
          "technology",
          "type",
          "usb_type");

  /** Reads {@code dir}, the {@code /sys/class/power_supply} directory. */
  public static SysClassPowerSupply read(Path dir) throws IOException {
    List<Supply> supplies = new ArrayList<>();
    for (String name : SysfsFiles.list(dir)) {
      supplies.add(supply(dir.resolve(name), name));
    }
    return new SysClassPowerSupply(List.copyOf(supplies));
  }

  /** A numeric attribute's text: a signed number in Go's base-0 syntax. */
  public static long number(String file, String content) {
    return SysfsFiles.anyBase(file, content, true);
  }

  private static Supply supply(Path dir, String name) throws IOException {
    Map<String, Long> numbers = new TreeMap<>();
    Map<String, String> texts = new TreeMap<>();
    // Only the files procfs knows are read: uevent repeats them all, and a read of some others
    // (e.g. a charger's registers) may wake the device.
    for (String attribute : SysfsFiles.list(dir)) {
      boolean numeric = NUMERIC.contains(attribute);
      if (!numeric && !TEXT.contains(attribute)) {
        continue;
      }
      Path file = dir.resolve(attribute);
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Optional<String> value = SysfsFiles.readIfPresent(file);
      if (value.isEmpty()) {
        continue;
      }
      if (numeric) {
        numbers.put(attribute, number(file.toString(), value.get()));
      } else {
        texts.put(attribute, SysfsFiles.label(value.get()));
      }
    }
    return new Supply(
        name, Collections.unmodifiableMap(numbers), Collections.unmodifiableMap(texts));
  }
}
