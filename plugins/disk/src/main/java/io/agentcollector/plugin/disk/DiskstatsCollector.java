package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.PluginConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * node_exporter's diskstats collector: the /proc/diskstats counters per device, and node_disk_info
 * with udev's labels when {@code <rootfs>/run/udev/data} has them. Golden file:
 * src/test/golden/diskstats.prom.
 */
@Extension
public final class DiskstatsCollector implements Collector {

  /** One /proc/diskstats column: metric, type, HELP, conversion. */
  private record Column(String name, boolean counter, String help, double scale) {}

  /** Sectors are 512 bytes whatever the device; times are milliseconds. */
  private static final List<Column> COLUMNS = List.of(
      new Column("node_disk_reads_completed_total", true, "The total number of reads completed successfully.", 1),
      new Column("node_disk_reads_merged_total", true, "The total number of reads merged.", 1),
      new Column("node_disk_read_bytes_total", true, "The total number of bytes read successfully.", 512),
      new Column("node_disk_read_time_seconds_total", true, "The total number of seconds spent by all reads.", 0.001),
      new Column("node_disk_writes_completed_total", true, "The total number of writes completed successfully.", 1),
      new Column("node_disk_writes_merged_total", true, "The number of writes merged.", 1),
      new Column("node_disk_written_bytes_total", true, "The total number of bytes written successfully.", 512),
      new Column("node_disk_write_time_seconds_total", true, "This is the total number of seconds spent by all writes.", 0.001),
      new Column("node_disk_io_now", false, "The number of I/Os currently in progress.", 1),
      new Column("node_disk_io_time_seconds_total", true, "Total seconds spent doing I/Os.", 0.001),
      new Column("node_disk_io_time_weighted_seconds_total", true, "The weighted # of seconds spent doing I/Os.", 0.001),
      new Column("node_disk_discards_completed_total", true, "The total number of discards completed successfully.", 1),
      new Column("node_disk_discards_merged_total", true, "The total number of discards merged.", 1),
      // node_exporter keeps discarded sectors in sectors.
      new Column("node_disk_discarded_sectors_total", true, "The total number of sectors discarded successfully.", 1),
      new Column("node_disk_discard_time_seconds_total", true, "This is the total number of seconds spent by all discards.", 0.001),
      new Column("node_disk_flush_requests_total", true, "The total number of flush requests completed successfully", 1),
      new Column("node_disk_flush_requests_time_seconds_total", true, "This is the total number of seconds spent by all flush requests.", 0.001));

  private HostPaths paths;
  private Optional<Pattern> exclude;
  private Optional<Pattern> include;

  @Override
  public String name() {
    return "diskstats";
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return true;
  }

  @Override
  public void start(CollectorContext context) {
    PluginConfig c = context.config();
    paths = context.hostPaths();
    include = c.getPattern("device-include");
    // node_exporter takes one or the other; an include replaces the shipped exclude.
    exclude = include.isPresent() ? Optional.empty() : c.getPattern("device-exclude");
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    ProcDiskstats stats = ProcDiskstats.parse(Files.readString(paths.proc("diskstats")));
    MetricFamilies f = new MetricFamilies();
    for (ProcDiskstats.Device d : stats.devices()) {
      if (exclude.isPresent() && exclude.get().matcher(d.name()).find()
          || include.isPresent() && !include.get().matcher(d.name()).find()) {
        continue;
      }
      for (int i = 0; i < d.counters().length; i++) {
        Column c = COLUMNS.get(i);
        double v = d.counters()[i] * c.scale();
        (c.counter() ? f.counter(c.name(), c.help()) : f.gauge(c.name(), c.help())).add(v, "device", d.name());
      }
      Map<String, String> udev = udev(d);
      f.info("node_disk_info", "Info of /sys/block/<block_device>.").addInfo(
          "device", d.name(), "major", Integer.toString(d.major()), "minor", Integer.toString(d.minor()),
          "path", udev.getOrDefault("ID_PATH", ""), "wwn", udev.getOrDefault("ID_WWN", ""),
          "model", udev.getOrDefault("ID_MODEL", ""), "serial", udev.getOrDefault("ID_SERIAL_SHORT", ""),
          "revision", udev.getOrDefault("ID_REVISION", ""));
      if (!udev.getOrDefault("ID_FS_TYPE", "").isEmpty()) {
        f.info("node_disk_filesystem_info", "Info about disk filesystem.").addInfo(
            "device", d.name(), "type", udev.get("ID_FS_TYPE"), "usage", udev.getOrDefault("ID_FS_USAGE", ""),
            "uuid", udev.getOrDefault("ID_FS_UUID", ""), "version", udev.getOrDefault("ID_FS_VERSION", ""));
      }
    }
    return f.build();
  }

  /** udev's {@code E:KEY=value} lines for the device, empty when udev keeps no data here. */
  private Map<String, String> udev(ProcDiskstats.Device d) {
    Map<String, String> out = new HashMap<>();
    try {
      for (String line : Files.readAllLines(paths.rootfs("/run/udev/data/b" + d.major() + ":" + d.minor()))) {
        if (line.startsWith("E:") && line.indexOf('=') > 2) {
          out.put(line.substring(2, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
      }
    } catch (IOException e) {
      // No udev (containers, minimal VMs): node_exporter reports the labels empty too.
    }
    return out;
  }
}
