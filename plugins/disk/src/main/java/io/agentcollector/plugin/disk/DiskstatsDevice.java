package io.agentcollector.plugin.disk;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.rootfs.UdevData;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * What {@link DiskstatsCollector} keeps of a block device across cycles: whether it is ignored, its
 * label sets, and the udev entry ({@code <rootfs>/run/udev/data/b<major>:<minor>}) those come from,
 * read every cycle and mapped again only when it changed.
 */
final class DiskstatsDevice {

  /** udev properties of ATA disks → gauge; only for disks udev marks ID_ATA. */
  static final List<String[]> ATA =
      List.of(
          new String[] {
            "ID_ATA_WRITE_CACHE",
            "node_disk_ata_write_cache",
            "Whether the ATA disk has a write cache."
          },
          new String[] {
            "ID_ATA_WRITE_CACHE_ENABLED",
            "node_disk_ata_write_cache_enabled",
            "Whether the ATA disk's write cache is enabled."
          },
          new String[] {
            "ID_ATA_ROTATION_RATE_RPM",
            "node_disk_ata_rotation_rate_rpm",
            "Rotation rate of the ATA disk in RPM, 0 for SSDs."
          });

  private final String name;
  private final int major;
  private final int minor;
  private final boolean ignored;
  private final Path udevFile;
  private final Labels labels;
  private final double[] ata = new double[ATA.size()];
  private String udevText;
  private Labels info;
  private Labels filesystem;
  private Labels mapper;

  DiskstatsDevice(String name, int major, int minor, boolean ignored, Path udevFile) {
    this.name = name;
    this.major = major;
    this.minor = minor;
    this.ignored = ignored;
    this.udevFile = udevFile;
    labels = Labels.of("device", name);
  }

  int major() {
    return major;
  }

  int minor() {
    return minor;
  }

  /** Whether the device settings leave it out. */
  boolean ignored() {
    return ignored;
  }

  /** {@code {device}}, of the counters. */
  Labels labels() {
    return labels;
  }

  /** node_disk_info's labels. */
  Labels info() {
    return info;
  }

  /** node_disk_filesystem_info's labels, null when udev knows no filesystem on the device. */
  Labels filesystem() {
    return filesystem;
  }

  /** node_disk_device_mapper_info's labels, null when the device is no device-mapper one. */
  Labels mapper() {
    return mapper;
  }

  /** The value of {@code ATA.get(i)}, NaN when udev has none. */
  double ata(int i) {
    return ata[i];
  }

  /**
   * Reads the device's udev entry, and makes its labels again when it changed; none without udev
   * (containers, minimal VMs) or when it cannot be read, like node_exporter.
   */
  void refresh(boolean udev, Logger log) {
    String text = null;
    if (udev) {
      try {
        text = KernelFiles.read(udevFile);
      } catch (IOException e) {
        text = null;
      }
    }
    if (info != null && Objects.equals(text, udevText)) {
      return;
    }
    udevText = text;
    // udev writes property values as UTF-8.
    map(text == null ? UdevData.NONE : UdevData.parse(KernelFiles.utf8(text)), log);
  }

  /** The label sets and ATA values of the udev entry {@code u}. */
  private void map(UdevData u, Logger log) {
    info =
        Labels.of(
            "device",
            name,
            "major",
            Integer.toString(major),
            "minor",
            Integer.toString(minor),
            "path",
            u.get("ID_PATH"),
            "wwn",
            u.get("ID_WWN"),
            "model",
            u.get("ID_MODEL"),
            "serial",
            u.get("ID_SERIAL_SHORT"),
            "revision",
            u.get("ID_REVISION"));
    filesystem =
        u.get("ID_FS_TYPE").isEmpty()
            ? null
            : Labels.of(
                "device",
                name,
                "type",
                u.get("ID_FS_TYPE"),
                "usage",
                u.get("ID_FS_USAGE"),
                "uuid",
                u.get("ID_FS_UUID"),
                "version",
                u.get("ID_FS_VERSION"));
    mapper =
        u.get("DM_NAME").isEmpty()
            ? null
            : Labels.of(
                "device",
                name,
                "name",
                u.get("DM_NAME"),
                "uuid",
                u.get("DM_UUID"),
                "vg_name",
                u.get("DM_VG_NAME"),
                "lv_name",
                u.get("DM_LV_NAME"),
                "lv_layer",
                u.get("DM_LV_LAYER"));
    ata(u, log);
  }

  /** ATA facts udev knows of the device, only for disks udev marks ID_ATA; NaN when absent. */
  private void ata(UdevData u, Logger log) {
    for (int i = 0; i < ATA.size(); i++) {
      String raw = u.get("ID_ATA").isEmpty() ? null : u.properties().get(ATA.get(i)[0]);
      ata[i] = Double.NaN;
      if (raw != null) {
        try {
          ata[i] = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          log.warn("{} of {} in udev data is not a number: \"{}\"", ATA.get(i)[0], name, raw);
        }
      }
    }
  }
}
