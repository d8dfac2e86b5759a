package io.agentcollector.kernel.sys;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sys/class/thermal} (https://docs.kernel.org/driver-api/thermal/sysfs-api.html): the
 * thermal zones {@code thermal_zone<N>/} ({@code type}, {@code policy}, {@code temp} in
 * millidegrees Celsius) and the cooling devices {@code cooling_device<N>/} ({@code type}, {@code
 * max_state}, {@code cur_state}). Those attributes are required, as in node_exporter: a zone or
 * device without one fails the read. A zone whose sensor answers {@code temp} with ENODATA (not
 * ready yet) is left out. No such directory: no zones.
 *
 * @param zones by directory name
 * @param coolingDevices by directory name
 */
public record SysClassThermal(List<Zone> zones, List<CoolingDevice> coolingDevices) {

  /**
   * @param name the number of {@code thermal_zone<N>}
   * @param milliCelsius {@code temp}
   */
  public record Zone(String name, String type, String policy, long milliCelsius) {}

  /**
   * @param name the number of {@code cooling_device<N>}
   * @param curState {@code cur_state}; -1 for intel_powerclamp while idle injection is off
   */
  public record CoolingDevice(String name, String type, long maxState, long curState) {}

  private static final String ZONE = "thermal_zone";
  private static final String COOLING = "cooling_device";

  /** Reads {@code classThermal}, the {@code /sys/class/thermal} directory. */
  public static SysClassThermal read(Path classThermal) throws IOException {
    List<Zone> zones = new ArrayList<>();
    List<CoolingDevice> devices = new ArrayList<>();
    // One listing for both kinds: thermal_zone* and cooling_device* share the directory.
    for (String entry : SysfsFiles.list(classThermal)) {
      Path dir = classThermal.resolve(entry);
      if (SysfsFiles.isNumbered(entry, ZONE)) {
        Zone z = zone(dir, entry.substring(ZONE.length()));
        if (z != null) {
          zones.add(z);
        }
      } else if (SysfsFiles.isNumbered(entry, COOLING)) {
        devices.add(coolingDevice(dir, entry.substring(COOLING.length())));
      }
    }
    return new SysClassThermal(List.copyOf(zones), List.copyOf(devices));
  }

  /** A numeric attribute's text ({@code temp}, {@code max_state}, {@code cur_state}). */
  public static long number(String file, String content) {
    return SysfsFiles.decimal(file, content);
  }

  private static Zone zone(Path dir, String name) throws IOException {
    String type = SysfsFiles.label(SysfsFiles.read(dir.resolve("type")));
    String policy = SysfsFiles.read(dir.resolve("policy"));
    Path temp = dir.resolve("temp");
    String text;
    try {
      text = SysfsFiles.read(temp);
    } catch (FileSystemException e) {
      if (String.valueOf(e.getReason()).contains("No data available")) {
        return null;
      }
      throw e;
    }
    return new Zone(name, type, policy, number(temp.toString(), text));
  }

  private static CoolingDevice coolingDevice(Path dir, String name) throws IOException {
    String type = SysfsFiles.label(SysfsFiles.read(dir.resolve("type")));
    Path max = dir.resolve("max_state");
    Path cur = dir.resolve("cur_state");
    return new CoolingDevice(
        name,
        type,
        number(max.toString(), SysfsFiles.read(max)),
        number(cur.toString(), SysfsFiles.read(cur)));
  }
}
