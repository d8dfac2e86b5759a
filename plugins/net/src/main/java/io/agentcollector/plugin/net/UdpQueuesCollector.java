package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.proc.ProcNetUdp;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's udp_queues collector: {@code node_udp_queues{ip="v4"|"v6",queue="rx"|"tx"}}, the
 * bytes of memory the kernel holds in the receive and send queues of all UDP sockets, summed over
 * {@code /proc/net/udp} and {@code udp6}. A table the host lacks (no IPv6) leaves its two series
 * out, as in node_exporter. Golden file: src/test/golden/udp_queues.prom.
 */
@Extension
@CollectorInfo(name = "udp_queues", nodeExporter = true)
public final class UdpQueuesCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;

  public UdpQueuesCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    add(f, "udp", "v4");
    add(f, "udp6", "v6");
    return f.build();
  }

  private void add(MetricFamilies f, String file, String ip) throws Exception {
    Optional<ProcNetUdp> udp =
        ProcNetUdp.readIfPresent("/proc/net/" + file, paths.proc("net", file));
    if (udp.isEmpty()) {
      log.debug("no /proc/net/{}, no {} series", file, ip);
      return;
    }
    MetricFamilies.Family queues =
        f.gauge(
            "node_udp_queues",
            "Number of allocated memory in the kernel for UDP datagrams in bytes.");
    queues.add(udp.get().txQueue(), "queue", "tx", "ip", ip);
    queues.add(udp.get().rxQueue(), "queue", "rx", "ip", ip);
  }
}
