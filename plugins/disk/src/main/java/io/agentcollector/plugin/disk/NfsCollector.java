package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetRpcNfs;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's nfs collector: the NFS client's RPC counters of /proc/net/rpc/nfs, {@code
 * node_nfs_packets_total{protocol}}, {@code node_nfs_connections_total}, {@code
 * node_nfs_rpcs_total}, {@code node_nfs_rpc_retransmissions_total}, {@code
 * node_nfs_rpc_authentication_refreshes_total} and {@code node_nfs_requests_total{proto,method}}
 * for every NFSv2, v3 and v4 procedure, 0 for the versions the kernel does not list (as
 * node_exporter). No file (no NFS client module) is no data. Golden file: src/test/golden/nfs.prom.
 */
@Extension
@CollectorInfo(name = "nfs", nodeExporter = true)
public final class NfsCollector implements Collector {

  private final HostPaths paths;
  private final Logger log;

  public NfsCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    Path file = paths.proc("net", "rpc", "nfs");
    Optional<String> content = KernelFiles.readIfPresent(file);
    MetricFamilies f = new MetricFamilies();
    if (content.isEmpty()) {
      log.debug("{} not found: no NFS client statistics", file);
      return f.build();
    }
    ProcNetRpcNfs s = ProcNetRpcNfs.parse(content.get());
    f.counter(
            "node_nfs_packets_total",
            "Total NFSd network packets (sent+received) by protocol type.")
        .add(Unsigned.toDouble(s.network().udpPackets()), "protocol", "udp")
        .add(Unsigned.toDouble(s.network().tcpPackets()), "protocol", "tcp");
    f.counter("node_nfs_connections_total", "Total number of NFSd TCP connections.")
        .add(Unsigned.toDouble(s.network().tcpConnections()));
    f.counter("node_nfs_rpcs_total", "Total number of RPCs performed.")
        .add(Unsigned.toDouble(s.rpc().calls()));
    f.counter("node_nfs_rpc_retransmissions_total", "Number of RPC transmissions performed.")
        .add(Unsigned.toDouble(s.rpc().retransmissions()));
    f.counter(
            "node_nfs_rpc_authentication_refreshes_total",
            "Number of RPC authentication refreshes performed.")
        .add(Unsigned.toDouble(s.rpc().authRefreshes()));
    MetricFamilies.Family requests =
        f.counter("node_nfs_requests_total", "Number of NFS procedures invoked.");
    requests(requests, "2", ProcNetRpcNfs.PROC2, s.proc2());
    requests(requests, "3", ProcNetRpcNfs.PROC3, s.proc3());
    requests(requests, "4", ProcNetRpcNfs.PROC4, s.proc4());
    return f.build();
  }

  private static void requests(
      MetricFamilies.Family family, String proto, List<String> names, long[] counts) {
    for (int i = 0; i < names.size(); i++) {
      family.add(Unsigned.toDouble(counts[i]), "proto", proto, "method", names.get(i));
    }
  }
}
