package io.agentcollector.kernel.sys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory controllers of {@code /sys/devices/system/edac/mc/mc<N>/}
 * (https://docs.kernel.org/admin-guide/ras.html#sysfs-interface): error counts {@code ce_count},
 * {@code ue_count} and those not attributed to a row ({@code ce_noinfo_count}, {@code
 * ue_noinfo_count}), and per chip-select row {@code csrow<N>/} its {@code ce_count} and {@code
 * ue_count}. These files are required, as in node_exporter; the newer {@code dimm<N>/} and {@code
 * rank<N>/} directories are not read. No EDAC driver: no controllers.
 *
 * @param controllers in name order
 */
public record SysDevicesSystemEdacMc(List<Controller> controllers) {

  /**
   * @param controller the number of {@code mc<N>}
   * @param csrows in name order
   */
  public record Controller(
      String controller,
      long ceCount,
      long ceNoinfoCount,
      long ueCount,
      long ueNoinfoCount,
      List<Csrow> csrows) {}

  /**
   * @param csrow the number of {@code csrow<N>}
   */
  public record Csrow(String csrow, long ceCount, long ueCount) {}

  /** Reads {@code mcDir}, the {@code /sys/devices/system/edac/mc} directory. */
  public static SysDevicesSystemEdacMc read(Path mcDir) throws IOException {
    List<Controller> controllers = new ArrayList<>();
    for (String mc : SysfsFiles.numbered(mcDir, "mc")) {
      Path dir = mcDir.resolve(mc);
      List<Csrow> csrows = new ArrayList<>();
      for (String row : SysfsFiles.numbered(dir, "csrow")) {
        Path rowDir = dir.resolve(row);
        csrows.add(
            new Csrow(
                SysfsFiles.digitsAt(row, 5),
                count(rowDir.resolve("ce_count")),
                count(rowDir.resolve("ue_count"))));
      }
      controllers.add(
          new Controller(
              SysfsFiles.digitsAt(mc, 2),
              count(dir.resolve("ce_count")),
              count(dir.resolve("ce_noinfo_count")),
              count(dir.resolve("ue_count")),
              count(dir.resolve("ue_noinfo_count")),
              List.copyOf(csrows)));
    }
    return new SysDevicesSystemEdacMc(List.copyOf(controllers));
  }

  /** A count attribute's text (u64, wrapped into a long). */
  public static long number(String file, String content) {
    return SysfsFiles.unsigned(file, content);
  }

  private static long count(Path file) throws IOException {
    return number(file.toString(), SysfsFiles.read(file));
  }
}
