package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcSplKstatZfs;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's zfs collector on Linux: the uint64 values of OpenZFS's kstats under
 * /proc/spl/kstat/zfs as untyped {@code node_<subsystem>_<name>} ({@code node_zfs_arc_hits} of
 * {@code arcstats}, and abdstats, dbuf_stats, dmu_tx, dnodestats, fm, vdev_cache_stats,
 * vdev_mirror_stats, xuio_stats, zfetchstats, zil where the ZFS version has them); per pool {@code
 * node_zfs_zpool_<field>{zpool}} of its {@code io} kstat (ZFS before 2.1), {@code
 * node_zfs_zpool_dataset_<name>{zpool,dataset}} of its {@code objset-*} kstats and the gauge {@code
 * node_zfs_zpool_state{zpool,state}} (1 for the pool's state of online, degraded, faulted, offline,
 * removed, unavail). No /proc/spl/kstat/zfs (no ZFS module) is no data. Golden file:
 * src/test/golden/zfs.prom.
 */
@Extension
@CollectorInfo(name = "zfs", nodeExporter = true)
public final class ZfsCollector implements Collector {

  /** Subsystem (the family prefix after node_) per kstat file, as node_exporter 1.5.0 maps them. */
  private static final Map<String, String> FILES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("zfs_abd", "abdstats"),
              Map.entry("zfs_arc", "arcstats"),
              // node_exporter 1.5.0 asks for dbuf_stats; OpenZFS names the named kstat dbufstats.
              Map.entry("zfs_dbuf", "dbuf_stats"),
              Map.entry("zfs_dmu_tx", "dmu_tx"),
              Map.entry("zfs_dnode", "dnodestats"),
              Map.entry("zfs_fm", "fm"),
              Map.entry("zfs_vdev_cache", "vdev_cache_stats"),
              Map.entry("zfs_vdev_mirror", "vdev_mirror_stats"),
              Map.entry("zfs_xuio", "xuio_stats"),
              Map.entry("zfs_zfetch", "zfetchstats"),
              Map.entry("zfs_zil", "zil")));

  private static final List<String> POOL_STATES =
      List.of("online", "degraded", "faulted", "offline", "removed", "unavail");

  private final HostPaths paths;
  private final Logger log;

  public ZfsCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    Path zfs = paths.proc("spl", "kstat", "zfs");
    if (!Files.isDirectory(zfs)) {
      log.debug("{} not found: no ZFS", zfs);
      return f.build();
    }
    for (Map.Entry<String, String> e : FILES.entrySet()) {
      Optional<String> content = KernelFiles.readIfPresent(zfs.resolve(e.getValue()));
      if (content.isPresent()) {
        String file = e.getValue();
        ProcSplKstatZfs.Named kstat =
            ProcSplKstatZfs.parseNamed(zfs.resolve(file).toString(), content.get());
        for (int i = 0; i < kstat.names().size(); i++) {
          String name = kstat.names().get(i);
          f.untyped(
                  "node_" + e.getKey() + "_" + metricName(name),
                  "kstat.zfs.misc." + file + "." + name)
              .add(Unsigned.toDouble(kstat.values()[i]));
        }
      }
    }
    for (ProcSplKstatZfs.Pool pool : ProcSplKstatZfs.pools(zfs)) {
      pool(f, pool);
    }
    return f.build();
  }

  private static void pool(MetricFamilies f, ProcSplKstatZfs.Pool pool) throws IOException {
    String zpool = pool.name();
    Optional<String> io =
        pool.io() == null ? Optional.empty() : KernelFiles.readIfPresent(pool.io());
    if (io.isPresent()) {
      ProcSplKstatZfs.Io kstat = ProcSplKstatZfs.parseIo(pool.io().toString(), io.get());
      for (int i = 0; i < kstat.names().size(); i++) {
        String name = kstat.names().get(i);
        f.untyped("node_zfs_zpool_" + metricName(name), "kstat.zfs.misc.io." + name)
            .add(Unsigned.toDouble(kstat.values()[i]), "zpool", zpool);
      }
    }
    for (Path objset : pool.objsets()) {
      Optional<String> content = KernelFiles.readIfPresent(objset);
      if (content.isEmpty()) {
        continue; // a dataset unmounted or destroyed since the listing
      }
      ProcSplKstatZfs.Named kstat = ProcSplKstatZfs.parseNamed(objset.toString(), content.get());
      for (int i = 0; i < kstat.names().size(); i++) {
        String name = kstat.names().get(i);
        f.untyped("node_zfs_zpool_dataset_" + metricName(name), "kstat.zfs.misc.objset." + name)
            .add(
                Unsigned.toDouble(kstat.values()[i]),
                "zpool",
                zpool,
                "dataset",
                kstat.datasetName());
      }
    }
    Optional<String> state =
        pool.state() == null ? Optional.empty() : KernelFiles.readIfPresent(pool.state());
    if (state.isPresent()) {
      String actual = firstLine(state.get());
      for (String s : POOL_STATES) {
        f.gauge("node_zfs_zpool_state", "kstat.zfs.misc.state")
            .add(s.equalsIgnoreCase(actual) ? 1 : 0, "zpool", zpool, "state", s);
      }
    }
  }

  /** node_exporter's name of a kstat: after its last dot, dashes as underscores. */
  static String metricName(String kstat) {
    return kstat.substring(kstat.lastIndexOf('.') + 1).replace('-', '_');
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
