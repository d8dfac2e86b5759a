package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcMountinfo;
import io.agentcollector.kernel.proc.ProcPidMountstats;
import io.agentcollector.kernel.proc.ProcPidMountstats.Mount;
import io.agentcollector.kernel.proc.ProcPidMountstats.Nfs;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's mountstats collector (off by default, as there): per NFS mount of the agent's
 * mount namespace, from /proc/self/mountstats, the {@code node_mountstats_nfs_*} families with
 * labels {@code export}, {@code protocol} and {@code mountaddr} (the {@code addr=} of the mount's
 * super options in /proc/self/mountinfo, whose lines are in the same order), and {@code operation}
 * for the per-operation ones. A mount seen twice (bind mounts) is reported once.
 * /proc/self/mountinfo is read only when there is an NFS mount. Golden file:
 * src/test/golden/mountstats.prom.
 */
@Extension
@CollectorInfo(name = "mountstats", enabledByDefault = false, nodeExporter = true)
public final class MountstatsCollector implements Collector {

  /** 2^53: node_exporter wraps the values it turns into seconds there, to keep them exact. */
  private static final long MANTISSA = 1L << 53;

  private final HostPaths paths;
  private final Logger log;

  public MountstatsCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = KernelFiles.readIfPresent(paths.proc("self", "mountstats"));
    if (content.isEmpty()) {
      log.debug("{} not found: no mount statistics", paths.proc("self", "mountstats"));
      return f.build();
    }
    List<Mount> mounts = ProcPidMountstats.parse(content.get()).mounts();
    List<ProcMountinfo.Mount> info = null;
    Set<List<String>> seen = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      Mount m = mounts.get(i);
      if (m.nfs().isEmpty()) {
        continue;
      }
      if (info == null) {
        info = mountinfo();
      }
      String addr = i < info.size() ? addr(info.get(i)) : "";
      Nfs nfs = m.nfs().get();
      List<String> labels = List.of(m.device(), nfs.transport().protocol(), addr);
      if (seen.add(labels)) {
        MountstatsFamilies.add(f, nfs, labels.toArray(new String[0]));
      }
    }
    return f.build();
  }

  private List<ProcMountinfo.Mount> mountinfo() throws IOException {
    return KernelFiles.readIfPresent(paths.proc("self", "mountinfo"))
        .map(s -> ProcMountinfo.parse(s).mounts())
        .orElse(List.of());
  }

  private static String addr(ProcMountinfo.Mount m) {
    for (String option : m.superOptions()) {
      if (option.startsWith("addr=")) {
        return option.substring(5);
      }
    }
    return "";
  }

  /** {@code v} as node_exporter wraps it before dividing: modulo 2^53, read unsigned. */
  static double wrapped(long v) {
    return Long.remainderUnsigned(v, MANTISSA);
  }
}
