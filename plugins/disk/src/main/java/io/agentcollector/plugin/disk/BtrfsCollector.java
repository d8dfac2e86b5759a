package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysFsBtrfs;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.Map;
import org.pf4j.Extension;

/**
 * node_exporter's btrfs collector, its sysfs part: per filesystem of /sys/fs/btrfs, {@code
 * node_btrfs_info{uuid,label}}, {@code node_btrfs_global_rsv_size_bytes}, {@code
 * node_btrfs_reserved_bytes{block_group_type}}, {@code node_btrfs_used_bytes}, {@code
 * node_btrfs_size_bytes} and {@code node_btrfs_allocation_ratio} per {@code block_group_type} and
 * {@code mode}, and {@code node_btrfs_device_size_bytes{device}}, all gauges. node_exporter 1.5.0
 * asks the mounted filesystems for device statistics by ioctl when it can; that part is not here
 * (docs/compatibility.md). No /sys/fs/btrfs is no data. Golden file: src/test/golden/btrfs.prom.
 */
@Extension
@CollectorInfo(name = "btrfs", nodeExporter = true)
public final class BtrfsCollector implements Collector {

  private final HostPaths paths;

  public BtrfsCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    for (SysFsBtrfs fs : SysFsBtrfs.read(paths.sys("fs", "btrfs"))) {
      String uuid = fs.uuid();
      f.gauge("node_btrfs_info", "Filesystem information")
          .add(1, "uuid", uuid, "label", fs.label());
      f.gauge("node_btrfs_global_rsv_size_bytes", "Size of global reserve.")
          .add(Unsigned.toDouble(fs.globalRsvSizeBytes()), "uuid", uuid);
      for (SysFsBtrfs.BlockGroup g : fs.blockGroups()) {
        String type = g.type();
        f.gauge("node_btrfs_reserved_bytes", "Amount of space reserved for a data type")
            .add(Unsigned.toDouble(g.reservedBytes()), "uuid", uuid, "block_group_type", type);
        for (SysFsBtrfs.Layout l : g.layouts()) {
          String[] labels = {"uuid", uuid, "block_group_type", type, "mode", l.mode()};
          f.gauge("node_btrfs_used_bytes", "Amount of used space by a layout/data type")
              .add(Unsigned.toDouble(l.usedBytes()), labels);
          f.gauge("node_btrfs_size_bytes", "Amount of space allocated for a layout/data type")
              .add(Unsigned.toDouble(l.totalBytes()), labels);
          f.gauge("node_btrfs_allocation_ratio", "Data allocation ratio for a layout/data type")
              .add(l.ratio(), labels);
        }
      }
      for (Map.Entry<String, Long> d : fs.deviceSizes().entrySet()) {
        f.gauge("node_btrfs_device_size_bytes", "Size of a device that is part of the filesystem.")
            .add(Unsigned.toDouble(d.getValue()), "uuid", uuid, "device", d.getKey());
      }
    }
    return f.build();
  }
}
