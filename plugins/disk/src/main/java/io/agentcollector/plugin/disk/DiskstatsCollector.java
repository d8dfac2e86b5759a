package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcDiskstats;
import io.agentcollector.kernel.proc.ProcDiskstats.Field;
import io.agentcollector.kernel.rootfs.UdevData;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's diskstats collector: the {@code node_disk_*} counters of /proc/diskstats per
 * device (discard and flush families only where the kernel has those columns), {@code
 * node_disk_info}, and the udev-derived {@code node_disk_filesystem_info}, {@code
 * node_disk_device_mapper_info} and {@code node_disk_ata_*} from {@code <rootfs>/run/udev/data}
 * (node_exporter's {@code --path.udev.data}). Golden files: src/test/golden/diskstats.prom and
 * diskstats-udev.prom.
 */
@Extension
@CollectorInfo(name = "diskstats", nodeExporter = true)
public final class DiskstatsCollector implements Collector {

  /** How a /proc/diskstats field is exposed. */
  private record Family(String name, boolean counter, String help) {}

  private static final Map<Field, Family> FAMILIES =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(
                  Field.READS_COMPLETED,
                  new Family("node_disk_reads_completed_total", true, "Reads completed.")),
              Map.entry(
                  Field.READS_MERGED,
                  new Family("node_disk_reads_merged_total", true, "Adjacent reads merged.")),
              Map.entry(
                  Field.READ_BYTES, new Family("node_disk_read_bytes_total", true, "Bytes read.")),
              Map.entry(
                  Field.READ_TIME_SECONDS,
                  new Family("node_disk_read_time_seconds_total", true, "Seconds spent reading.")),
              Map.entry(
                  Field.WRITES_COMPLETED,
                  new Family("node_disk_writes_completed_total", true, "Writes completed.")),
              Map.entry(
                  Field.WRITES_MERGED,
                  new Family("node_disk_writes_merged_total", true, "Adjacent writes merged.")),
              Map.entry(
                  Field.WRITTEN_BYTES,
                  new Family("node_disk_written_bytes_total", true, "Bytes written.")),
              Map.entry(
                  Field.WRITE_TIME_SECONDS,
                  new Family("node_disk_write_time_seconds_total", true, "Seconds spent writing.")),
              Map.entry(Field.IO_NOW, new Family("node_disk_io_now", false, "I/Os in progress.")),
              Map.entry(
                  Field.IO_TIME_SECONDS,
                  new Family(
                      "node_disk_io_time_seconds_total",
                      true,
                      "Seconds the device was busy with I/O.")),
              Map.entry(
                  Field.IO_TIME_WEIGHTED_SECONDS,
                  new Family(
                      "node_disk_io_time_weighted_seconds_total",
                      true,
                      "Seconds spent on I/O weighted by the number of I/Os in progress.")),
              Map.entry(
                  Field.DISCARDS_COMPLETED,
                  new Family("node_disk_discards_completed_total", true, "Discards completed.")),
              Map.entry(
                  Field.DISCARDS_MERGED,
                  new Family("node_disk_discards_merged_total", true, "Adjacent discards merged.")),
              Map.entry(
                  Field.DISCARDED_SECTORS,
                  new Family("node_disk_discarded_sectors_total", true, "Sectors discarded.")),
              Map.entry(
                  Field.DISCARD_TIME_SECONDS,
                  new Family(
                      "node_disk_discard_time_seconds_total", true, "Seconds spent discarding.")),
              Map.entry(
                  Field.FLUSH_REQUESTS,
                  new Family("node_disk_flush_requests_total", true, "Flush requests completed.")),
              Map.entry(
                  Field.FLUSH_TIME_SECONDS,
                  new Family(
                      "node_disk_flush_requests_time_seconds_total",
                      true,
                      "Seconds spent flushing."))));

  /** udev properties of ATA disks → gauge; only for disks udev marks ID_ATA. */
  private static final List<String[]> ATA =
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

  private final HostPaths paths;
  private final DiskConfig config;
  private final Logger log;

  public DiskstatsCollector(CollectorContext context) {
    config = DiskConfig.from(context.config());
    paths = context.hostPaths();
    log = context.logger();
    if (!Files.isDirectory(udevDir())) {
      log.debug("{} not found: node_disk_info labels from udev stay empty", udevDir());
    }
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    Path file = paths.proc("diskstats");
    String content;
    try {
      content = KernelFiles.read(file);
    } catch (NoSuchFileException e) {
      log.debug("{} not found: no block device statistics", file);
      return new MetricFamilies().build();
    }
    MetricFamilies f = new MetricFamilies();
    for (ProcDiskstats.Device d : ProcDiskstats.parse(content).devices()) {
      if (!config.ignoresDevice(d.name())) {
        device(f, d);
      }
    }
    return f.build();
  }

  /** One device's series, in the order node_exporter's families appear. */
  private void device(MetricFamilies f, ProcDiskstats.Device d) {
    String dev = d.name();
    UdevData udev = udev(d);
    f.info(
            "node_disk_info",
            "Block device identity; the labels other than major and minor come from udev.")
        .addInfo(
            "device",
            dev,
            "major",
            Integer.toString(d.major()),
            "minor",
            Integer.toString(d.minor()),
            "path",
            udev.get("ID_PATH"),
            "wwn",
            udev.get("ID_WWN"),
            "model",
            udev.get("ID_MODEL"),
            "serial",
            udev.get("ID_SERIAL_SHORT"),
            "revision",
            udev.get("ID_REVISION"));
    d.values()
        .forEach(
            (field, v) -> {
              Family fam = FAMILIES.get(field);
              (fam.counter() ? f.counter(fam.name(), fam.help()) : f.gauge(fam.name(), fam.help()))
                  .add(v, "device", dev);
            });
    udevInfo(f, dev, udev);
  }

  /** Filesystem, device-mapper and ATA facts udev knows of the device, when it knows them. */
  private void udevInfo(MetricFamilies f, String dev, UdevData udev) {
    if (!udev.get("ID_FS_TYPE").isEmpty()) {
      f.info("node_disk_filesystem_info", "Filesystem udev found on the block device.")
          .addInfo(
              "device",
              dev,
              "type",
              udev.get("ID_FS_TYPE"),
              "usage",
              udev.get("ID_FS_USAGE"),
              "uuid",
              udev.get("ID_FS_UUID"),
              "version",
              udev.get("ID_FS_VERSION"));
    }
    if (!udev.get("DM_NAME").isEmpty()) {
      f.info("node_disk_device_mapper_info", "Device-mapper identity of the block device.")
          .addInfo(
              "device",
              dev,
              "name",
              udev.get("DM_NAME"),
              "uuid",
              udev.get("DM_UUID"),
              "vg_name",
              udev.get("DM_VG_NAME"),
              "lv_name",
              udev.get("DM_LV_NAME"),
              "lv_layer",
              udev.get("DM_LV_LAYER"));
    }
    if (!udev.get("ID_ATA").isEmpty()) {
      ata(f, dev, udev);
    }
  }

  private void ata(MetricFamilies f, String dev, UdevData udev) {
    for (String[] a : ATA) {
      String raw = udev.properties().get(a[0]);
      if (raw == null) {
        continue;
      }
      try {
        f.gauge(a[1], a[2]).add(Double.parseDouble(raw), "device", dev);
      } catch (NumberFormatException e) {
        log.warn("{} of {} in udev data is not a number: \"{}\"", a[0], dev, raw);
      }
    }
  }

  private Path udevDir() {
    return paths.rootfs("/run/udev/data");
  }

  /**
   * The device's udev properties; none without udev (containers, minimal VMs), like node_exporter.
   */
  private UdevData udev(ProcDiskstats.Device d) {
    return UdevData.read(udevDir(), d.major(), d.minor());
  }
}
