package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetSockstat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's sockstat collector: {@code node_sockstat_sockets_used} and {@code
 * node_sockstat_<PROTO>_<key>} for the keys node_exporter knows (inuse, orphan, tw, alloc, mem,
 * memory) plus {@code <PROTO>_mem_bytes} = mem pages × page size, from {@code /proc/net/sockstat}
 * and {@code sockstat6} (either may be missing). Golden file: {@code
 * src/test/golden/sockstat.prom}.
 */
@Extension
@CollectorInfo(name = "sockstat", nodeExporter = true)
public final class SockstatCollector implements Collector {

  /** node_exporter's procfs drops other keys; inuse is reported as 0 when a line lacks it. */
  private static final List<String> KEYS = List.of("orphan", "tw", "alloc", "mem", "memory");

  private static final int DEFAULT_PAGE_SIZE = 4096;

  private final IntSupplier pageSize;
  private final HostPaths paths;
  private final Logger log;
  private final int bytesPerPage;

  public SockstatCollector(CollectorContext context) {
    this(context, () -> Libc.pageSize().orElse(DEFAULT_PAGE_SIZE));
  }

  /** For tests: a given page size. */
  SockstatCollector(CollectorContext context, IntSupplier pageSize) {
    this.pageSize = pageSize;
    paths = context.hostPaths();
    log = context.logger();
    // getpagesize(3) like Go's os.Getpagesize(); 4096 (x86_64) when JNA is unavailable.
    bytesPerPage = pageSize.getAsInt();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    for (String file : List.of("sockstat", "sockstat6")) {
      Optional<String> content = KernelFiles.readIfPresent(paths.proc("net", file));
      if (content.isEmpty()) {
        log.debug("no /proc/net/{}, skipping", file);
        continue;
      }
      map(ProcNetSockstat.parse("/proc/net/" + file, content.get()), file.equals("sockstat"), f);
    }
    return f.build();
  }

  private void map(ProcNetSockstat s, boolean ipv4, MetricFamilies f) {
    if (ipv4) {
      s.used().ifPresent(v -> f.gauge("node_sockstat_sockets_used", "IPv4 sockets in use.").add(v));
    }
    for (ProcNetSockstat.Protocol p : s.protocols()) {
      gauge(f, p.name(), "inuse", p.values().getOrDefault("inuse", 0L));
      for (String key : KEYS) {
        Long v = p.values().get(key);
        if (v != null) {
          gauge(f, p.name(), key, v);
        }
      }
      Long pages = p.values().get("mem");
      if (pages != null) {
        gauge(f, p.name(), "mem_bytes", (double) pages * bytesPerPage);
      }
    }
  }

  private static void gauge(MetricFamilies f, String proto, String key, double value) {
    f.gauge("node_sockstat_" + proto + "_" + key, "Socket statistic " + key + " of " + proto + ".")
        .add(value);
  }
}
