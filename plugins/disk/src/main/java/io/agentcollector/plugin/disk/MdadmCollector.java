package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcMdstat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's mdadm collector: software RAID arrays of /proc/mdstat, {@code
 * node_md_disks{state=active|failed|spare}}, {@code node_md_disks_required}, {@code
 * node_md_state{state=active|inactive|recovering|resync|check}} (1 for the array's state), {@code
 * node_md_blocks} and {@code node_md_blocks_synced}, all gauges per {@code device}. No /proc/mdstat
 * (md not loaded) is no data. Golden file: src/test/golden/mdadm.prom.
 */
@Extension
@CollectorInfo(name = "mdadm", nodeExporter = true)
public final class MdadmCollector implements Collector {

  /** node_md_state's label value per parsed activity state, in node_exporter's order. */
  private static final String[][] STATES = {
    {"active", "active"},
    {"inactive", "inactive"},
    {"recovering", "recovering"},
    {"resync", "resyncing"},
    {"check", "checking"}
  };

  private final HostPaths paths;
  private final Logger log;

  public MdadmCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    Path file = paths.proc("mdstat");
    Optional<String> content = KernelFiles.readIfPresent(file);
    MetricFamilies f = new MetricFamilies();
    if (content.isEmpty()) {
      log.debug("{} not found: no md arrays", file);
      return f.build();
    }
    for (ProcMdstat.Array a : ProcMdstat.parse(content.get()).arrays()) {
      String dev = a.name();
      f.gauge("node_md_disks_required", "Total number of disks of device.")
          .add(a.disksTotal(), "device", dev);
      MetricFamilies.Family disks =
          f.gauge("node_md_disks", "Number of active/failed/spare disks of device.");
      disks.add(a.disksActive(), "device", dev, "state", "active");
      disks.add(a.disksFailed(), "device", dev, "state", "failed");
      disks.add(a.disksSpare(), "device", dev, "state", "spare");
      MetricFamilies.Family state = f.gauge("node_md_state", "Indicates the state of md-device.");
      for (String[] s : STATES) {
        state.add(a.activityState().equals(s[1]) ? 1 : 0, "device", dev, "state", s[0]);
      }
      f.gauge("node_md_blocks", "Total number of blocks on device.")
          .add(a.blocksTotal(), "device", dev);
      f.gauge("node_md_blocks_synced", "Number of blocks synced on device.")
          .add(a.blocksSynced(), "device", dev);
    }
    return f.build();
  }
}
