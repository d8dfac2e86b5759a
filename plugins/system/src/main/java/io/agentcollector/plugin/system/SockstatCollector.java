package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcNetSockstat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final KernelFile[] files;
  private final Logger log;
  private final int bytesPerPage;

  /** Protocol, then key, to the family's name and help: made once, not per cycle. */
  private final Map<String, Map<String, String[]>> families = new HashMap<>();

  public SockstatCollector(CollectorContext context) {
    this(context, () -> Libc.pageSize().orElse(DEFAULT_PAGE_SIZE));
  }

  /** For tests: a given page size. */
  SockstatCollector(CollectorContext context, IntSupplier pageSize) {
    HostPaths paths = context.hostPaths();
    files =
        new KernelFile[] {
          new KernelFile(paths.proc("net", "sockstat")),
          new KernelFile(paths.proc("net", "sockstat6"))
        };
    log = context.logger();
    // getpagesize(3) like Go's os.Getpagesize(); 4096 (x86_64) when JNA is unavailable.
    bytesPerPage = pageSize.getAsInt();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    for (int i = 0; i < files.length; i++) {
      Optional<String> content = files[i].readIfPresent();
      if (content.isEmpty()) {
        log.debug("no {}, skipping", files[i].path());
        continue;
      }
      String file = i == 0 ? "/proc/net/sockstat" : "/proc/net/sockstat6";
      map(ProcNetSockstat.parse(file, content.get()), i == 0, f);
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

  private void gauge(MetricFamilies f, String proto, String key, double value) {
    Map<String, String[]> keys = families.get(proto);
    if (keys == null || keys.size() > SystemConfig.MAX_NAMES) {
      if (families.size() > SystemConfig.MAX_NAMES) {
        families.clear(); // names a kernel does not write: bounded all the same
      }
      keys = new HashMap<>();
      families.put(proto, keys);
    }
    String[] family = keys.get(key);
    if (family == null) {
      family =
          new String[] {
            "node_sockstat_" + proto + "_" + key, "Socket statistic " + key + " of " + proto + "."
          };
      keys.put(key, family);
    }
    f.gauge(family[0], family[1]).add(value);
  }

  @Override
  public void stop() {
    for (KernelFile file : files) {
      file.close();
    }
  }
}
