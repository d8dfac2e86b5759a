package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcDiskstats;
import io.agentcollector.kernel.proc.ProcDiskstats.Field;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
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

  /** The families by {@link Field} ordinal. */
  private static final Family[] BY_FIELD = new Family[Field.values().length];

  static {
    FAMILIES.forEach((field, family) -> BY_FIELD[field.ordinal()] = family);
  }

  /** Most devices whose labels are kept; more come and go only on a host with thousands. */
  private static final int MAX_DEVICES = 4096;

  private final DiskConfig config;
  private final Logger log;
  private final KernelFile file;
  private final Path udevDir;

  /** Device name to what is kept of it across cycles. */
  private final Map<String, DiskstatsDevice> devices = new HashMap<>();

  public DiskstatsCollector(CollectorContext context) {
    config = DiskConfig.from(context.config());
    HostPaths paths = context.hostPaths();
    file = new KernelFile(paths.proc("diskstats"));
    udevDir = paths.rootfs("/run/udev/data");
    log = context.logger();
    if (!Files.isDirectory(udevDir)) {
      log.debug("{} not found: node_disk_info labels from udev stay empty", udevDir);
    }
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    String content;
    try {
      content = file.read();
    } catch (NoSuchFileException e) {
      log.debug("{} not found: no block device statistics", file.path());
      return new MetricFamilies().build();
    }
    if (devices.size() > MAX_DEVICES) {
      devices.clear();
    }
    // Without udev's directory no device has an entry: one stat, not a failed open per device.
    boolean udev = Files.isDirectory(udevDir);
    MetricFamilies f = new MetricFamilies();
    ProcDiskstats.parse(
        content,
        (major, minor, name, values, count) -> {
          DiskstatsDevice d = device(major, minor, name);
          if (!d.ignored()) {
            d.refresh(udev, log);
            series(f, d, values, count);
          }
        });
    return f.build();
  }

  /** One device's series. */
  private static void series(MetricFamilies f, DiskstatsDevice d, double[] values, int count) {
    f.info(
            "node_disk_info",
            "Block device identity; the labels other than major and minor come from udev.")
        .add(1, d.info());
    for (int i = 0; i < count; i++) {
      Family fam = BY_FIELD[i];
      (fam.counter() ? f.counter(fam.name(), fam.help()) : f.gauge(fam.name(), fam.help()))
          .add(values[i], d.labels());
    }
    if (d.filesystem() != null) {
      f.info("node_disk_filesystem_info", "Filesystem udev found on the block device.")
          .add(1, d.filesystem());
    }
    if (d.mapper() != null) {
      f.info("node_disk_device_mapper_info", "Device-mapper identity of the block device.")
          .add(1, d.mapper());
    }
    for (int i = 0; i < DiskstatsDevice.ATA.size(); i++) {
      double v = d.ata(i);
      if (!Double.isNaN(v)) {
        String[] a = DiskstatsDevice.ATA.get(i);
        f.gauge(a[1], a[2]).add(v, d.labels());
      }
    }
  }

  private DiskstatsDevice device(int major, int minor, String name) {
    DiskstatsDevice d = devices.get(name);
    if (d == null || d.major() != major || d.minor() != minor) {
      d =
          new DiskstatsDevice(
              name,
              major,
              minor,
              config.ignoresDevice(name),
              udevDir.resolve("b" + major + ":" + minor));
      devices.put(name, d);
    }
    return d;
  }

  @Override
  public void stop() {
    file.close();
  }
}
