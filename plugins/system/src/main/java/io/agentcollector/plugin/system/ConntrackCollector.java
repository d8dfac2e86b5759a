package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcNetStatNfConntrack;
import io.agentcollector.kernel.proc.SysctlNumber;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's conntrack collector: {@code node_nf_conntrack_entries}, {@code
 * node_nf_conntrack_entries_limit} and the {@code node_nf_conntrack_stat_*} sums of {@code
 * /proc/net/stat/nf_conntrack} (gauges, as in node_exporter 1.5.0, though they are counters).
 * Without the nf_conntrack module the result is empty. Golden file: {@code
 * src/test/golden/conntrack.prom}.
 */
@Extension
@CollectorInfo(name = "conntrack", nodeExporter = true)
public final class ConntrackCollector implements Collector {

  /** A column of /proc/net/stat/nf_conntrack, also the family's suffix. */
  private record Stat(String column, String name, String help) {
    Stat(String column, String help) {
      this(column, "node_nf_conntrack_stat_" + column, help);
    }
  }

  private static final List<Stat> STATS =
      List.of(
          new Stat("found", "Lookups that found an entry."),
          new Stat("invalid", "Packets that could not be tracked."),
          new Stat("ignore", "Packets already attached to a conntrack entry."),
          new Stat("insert", "Entries inserted."),
          new Stat("insert_failed", "Entries whose insertion failed."),
          new Stat("drop", "Packets dropped because conntrack failed."),
          new Stat("early_drop", "Entries dropped to make room when the table was full."),
          new Stat("search_restart", "Lookups restarted because the hash table was resized."));

  private final KernelFile count;
  private final KernelFile max;
  private final KernelFile stat;
  private final Logger log;

  public ConntrackCollector(CollectorContext context) {
    HostPaths paths = context.hostPaths();
    count = new KernelFile(paths.proc("sys", "net", "netfilter", "nf_conntrack_count"));
    max = new KernelFile(paths.proc("sys", "net", "netfilter", "nf_conntrack_max"));
    stat = new KernelFile(paths.proc("net", "stat", "nf_conntrack"));
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    // Like node_exporter, stop at the first missing file.
    OptionalDouble entries = number(count);
    if (entries.isEmpty()) {
      log.debug("no nf_conntrack_count: conntrack module probably not loaded");
      return f.build();
    }
    f.gauge("node_nf_conntrack_entries", "Connection tracking entries in use.")
        .add(entries.getAsDouble());
    OptionalDouble limit = number(max);
    if (limit.isEmpty()) {
      return f.build();
    }
    f.gauge("node_nf_conntrack_entries_limit", "Size of the connection tracking table.")
        .add(limit.getAsDouble());
    Optional<String> stats = stat.readIfPresent();
    if (stats.isEmpty()) {
      return f.build();
    }
    ProcNetStatNfConntrack s = ProcNetStatNfConntrack.parse(stats.get());
    for (Stat st : STATS) {
      f.gauge(st.name(), st.help()).add(s.total(st.column()));
    }
    return f.build();
  }

  private OptionalDouble number(KernelFile file) throws Exception {
    Optional<String> content = file.readIfPresent();
    return content.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(
            SysctlNumber.parse(
                "/proc/sys/net/netfilter/" + file.path().getFileName(), content.get()));
  }

  @Override
  public void stop() {
    count.close();
    max.close();
    stat.close();
  }
}
