package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysFsBcache;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import org.pf4j.Extension;

/**
 * node_exporter's bcache collector: per cache set of /sys/fs/bcache ({@code uuid}), its gauges
 * ({@code node_bcache_average_key_size_sectors}, {@code btree_cache_size_bytes}, ...), per backing
 * device ({@code backing_device}) dirty data, writeback rate terms and the {@code stats_total}
 * counters, per cache device ({@code cache_device}) {@code io_errors} and bytes written, and with
 * {@code bcache.priority-stats} the {@code priority_stats} percentages. {@code
 * node_bcache_btree_read_average_duration_seconds} is the kernel's microseconds × 1e-9, as
 * node_exporter 1.5.0 computes it (docs/compatibility.md). No /sys/fs/bcache is no data. Golden
 * file: src/test/golden/bcache.prom.
 */
@Extension
@CollectorInfo(name = "bcache", nodeExporter = true)
public final class BcacheCollector implements Collector {

  private static final String P = "node_bcache_";

  /** The cache set's values in {@link SysFsBcache#set()} order: name, whether a counter, help. */
  private static final String[][] SET = {
    {"average_key_size_sectors", "", "Average data per key in the btree (sectors)."},
    {"btree_cache_size_bytes", "", "Amount of memory currently used by the btree cache."},
    {"cache_available_percent", "", "Percentage of cache device without dirty data."},
    {"congested", "", "Congestion."},
    {"root_usage_percent", "", "Percentage of the root btree node in use."},
    {"tree_depth", "", "Depth of the btree."},
    {"active_journal_entries", "", "Number of journal entries that are newer than the index."},
    {"btree_nodes", "", "Total nodes in the btree."},
    {"btree_read_average_duration_seconds", "", "Average btree read duration."},
    {"cache_read_races_total", "c", "Reads whose bucket was reused and invalidated meanwhile."}
  };

  private static final String[][] WRITEBACK = {
    {"writeback_rate", "Current writeback rate for this backing device in bytes."},
    {null, null},
    {"dirty_target_bytes", "Current dirty data target threshold for this backing device."},
    {"writeback_rate_proportional_term", "Current result of proportional controller."},
    {"writeback_rate_integral_term", "Current result of integral controller."},
    {"writeback_change", "Last writeback rate change step for this backing device."}
  };

  private static final String[][] TOTAL = {
    {"bypassed_bytes_total", "Amount of IO (both reads and writes) that has bypassed the cache."},
    {"cache_hits_total", "Hits counted per individual IO as bcache sees them."},
    {"cache_misses_total", "Misses counted per individual IO as bcache sees them."},
    {"cache_bypass_hits_total", "Hits for IO intended to skip the cache."},
    {"cache_bypass_misses_total", "Misses for IO intended to skip the cache."},
    {"cache_miss_collisions_total", "Cache miss insertions that raced with a write."},
    {"cache_readaheads_total", "Count of times readahead occurred."}
  };

  private final HostPaths paths;
  private final boolean priorityStats;

  public BcacheCollector(CollectorContext context) {
    paths = context.hostPaths();
    priorityStats = context.config().getBoolean("bcache.priority-stats");
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    for (SysFsBcache s : SysFsBcache.read(paths.sys("fs", "bcache"), priorityStats)) {
      String uuid = s.uuid();
      for (int i = 0; i < SET.length; i++) {
        double v = Unsigned.toDouble(s.set()[i]);
        if (i == 8) {
          // The file is btree_read_average_duration_us; node_exporter 1.5.0 scales it as if ns.
          v *= 1e-9;
        }
        (SET[i][1].isEmpty()
                ? f.gauge(P + SET[i][0], SET[i][2])
                : f.counter(P + SET[i][0], SET[i][2]))
            .add(v, "uuid", uuid);
      }
      for (SysFsBcache.Backing b : s.backings()) {
        String[] l = {"uuid", uuid, "backing_device", b.name()};
        f.gauge(
                P + "dirty_data_bytes",
                "Amount of dirty data for this backing device in the cache.")
            .add(Unsigned.toDouble(b.dirtyData()), l);
        for (int i = 0; i < WRITEBACK.length; i++) {
          if (WRITEBACK[i][0] != null) {
            // rate and target are unsigned, the controller terms signed: all fit a long.
            f.gauge(P + WRITEBACK[i][0], WRITEBACK[i][1]).add(b.writeback()[i], l);
          }
        }
        for (int i = 0; i < TOTAL.length; i++) {
          f.counter(P + TOTAL[i][0], TOTAL[i][1]).add(Unsigned.toDouble(b.total()[i]), l);
        }
      }
      for (SysFsBcache.Cache c : s.caches()) {
        cache(f, uuid, c);
      }
    }
    return f.build();
  }

  private static void cache(MetricFamilies f, String uuid, SysFsBcache.Cache c) {
    String[] l = {"uuid", uuid, "cache_device", c.name()};
    f.gauge(P + "io_errors", "Number of errors that have occurred, decayed by io_error_halflife.")
        .add(Unsigned.toDouble(c.ioErrors()), l);
    f.counter(
            P + "metadata_written_bytes_total",
            "Sum of all non data writes (btree writes and all other metadata).")
        .add(Unsigned.toDouble(c.metadataWritten()), l);
    f.counter(P + "written_bytes_total", "Sum of all data that has been written to the cache.")
        .add(Unsigned.toDouble(c.written()), l);
    c.priority()
        .ifPresent(
            p -> {
              f.gauge(
                      P + "priority_stats_unused_percent",
                      "The percentage of the cache that doesn't contain any data.")
                  .add(p[0], l);
              f.gauge(P + "priority_stats_metadata_percent", "Bcache's metadata overhead.")
                  .add(p[1], l);
            });
  }
}
