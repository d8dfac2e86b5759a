package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetRpcNfs;
import io.agentcollector.kernel.proc.ProcNetRpcNfsd;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's nfsd collector: the NFS server's statistics of /proc/net/rpc/nfsd, {@code
 * node_nfsd_reply_cache_*}, {@code node_nfsd_file_handles_stale_total}, {@code
 * node_nfsd_disk_bytes_*}, {@code node_nfsd_server_threads}, {@code node_nfsd_read_ahead_cache_*},
 * {@code node_nfsd_packets_total{proto}}, {@code node_nfsd_connections_total}, {@code
 * node_nfsd_rpc_errors_total{error}}, {@code node_nfsd_server_rpcs_total} and {@code
 * node_nfsd_requests_total{proto,method}} (NFSv2 and v3 procedures but NULL, the NFSv4 operations
 * node_exporter 1.5.0 lists). No file (no NFS server) is no data. Golden file:
 * src/test/golden/nfsd.prom.
 */
@Extension
@CollectorInfo(name = "nfsd", nodeExporter = true)
public final class NfsdCollector implements Collector {

  /**
   * The NFSv4 operations node_exporter 1.5.0 exposes, in its order (not the unused 0-2, PUTPUBFH,
   * PUTROOTFH).
   */
  private static final List<String> V4_OPERATIONS =
      List.of(
          "Access",
          "Close",
          "Commit",
          "Create",
          "DelegPurge",
          "DelegReturn",
          "GetAttr",
          "GetFH",
          "Link",
          "Lock",
          "Lockt",
          "Locku",
          "Lookup",
          "LookupRoot",
          "Nverify",
          "Open",
          "OpenAttr",
          "OpenConfirm",
          "OpenDgrd",
          "PutFH",
          "Read",
          "ReadDir",
          "ReadLink",
          "Remove",
          "Rename",
          "Renew",
          "RestoreFH",
          "SaveFH",
          "SecInfo",
          "SetAttr",
          "Verify",
          "Write",
          "RelLockOwner");

  private final HostPaths paths;
  private final Logger log;

  public NfsdCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    Path file = paths.proc("net", "rpc", "nfsd");
    Optional<String> content = KernelFiles.readIfPresent(file);
    MetricFamilies f = new MetricFamilies();
    if (content.isEmpty()) {
      log.debug("{} not found: no NFS server statistics", file);
      return f.build();
    }
    ProcNetRpcNfsd s = ProcNetRpcNfsd.parse(content.get());
    caches(f, s);
    rpc(f, s);
    requests(f, s);
    return f.build();
  }

  /** The reply cache, file handle, I/O, thread and read-ahead lines. */
  private static void caches(MetricFamilies f, ProcNetRpcNfsd s) {
    counter(f, "node_nfsd_reply_cache_hits_total", "Reply cache hits.", s.replyCache()[0]);
    counter(f, "node_nfsd_reply_cache_misses_total", "Reply cache misses.", s.replyCache()[1]);
    counter(
        f,
        "node_nfsd_reply_cache_nocache_total",
        "Non-idempotent operations, not cached.",
        s.replyCache()[2]);
    counter(f, "node_nfsd_file_handles_stale_total", "Stale file handles.", s.fileHandlesStale());
    counter(f, "node_nfsd_disk_bytes_read_total", "Total NFSd bytes read.", s.bytesRead());
    counter(f, "node_nfsd_disk_bytes_written_total", "Total NFSd bytes written.", s.bytesWritten());
    f.gauge("node_nfsd_server_threads", "Total number of NFSd kernel threads that are running.")
        .add(Unsigned.toDouble(s.threads()));
    f.gauge(
            "node_nfsd_read_ahead_cache_size_blocks",
            "How large the read ahead cache is in blocks.")
        .add(Unsigned.toDouble(s.readAheadCacheSize()));
    counter(
        f,
        "node_nfsd_read_ahead_cache_not_found_total",
        "Total number of NFSd read ahead cache not found.",
        s.readAheadNotFound());
  }

  /** The net and rpc lines. */
  private static void rpc(MetricFamilies f, ProcNetRpcNfsd s) {
    ProcNetRpcNfs.Network net = s.network();
    f.counter(
            "node_nfsd_packets_total",
            "Total NFSd network packets (sent+received) by protocol type.")
        .add(Unsigned.toDouble(net.udpPackets()), "proto", "udp")
        .add(Unsigned.toDouble(net.tcpPackets()), "proto", "tcp");
    counter(
        f,
        "node_nfsd_connections_total",
        "Total number of NFSd TCP connections.",
        net.tcpConnections());
    f.counter("node_nfsd_rpc_errors_total", "Total number of NFSd RPC errors by error type.")
        .add(Unsigned.toDouble(s.rpc()[2]), "error", "fmt")
        .add(Unsigned.toDouble(s.rpc()[3]), "error", "auth")
        .add(Unsigned.toDouble(s.rpc()[4]), "error", "cInt");
    counter(f, "node_nfsd_server_rpcs_total", "Total number of NFSd RPCs.", s.rpc()[0]);
  }

  private static void requests(MetricFamilies f, ProcNetRpcNfsd s) {
    MetricFamilies.Family requests =
        f.counter("node_nfsd_requests_total", "Total number NFSd Requests by method and protocol.");
    List<String> v2 = ProcNetRpcNfs.PROC2;
    for (int i = 1; i < v2.size(); i++) {
      requests.add(Unsigned.toDouble(s.proc2()[i]), "proto", "2", "method", v2.get(i));
    }
    List<String> v3 = ProcNetRpcNfs.PROC3;
    for (int i = 1; i < v3.size(); i++) {
      requests.add(Unsigned.toDouble(s.proc3()[i]), "proto", "3", "method", v3.get(i));
    }
    for (String op : V4_OPERATIONS) {
      long v = s.proc4ops()[ProcNetRpcNfsd.PROC4OPS.indexOf(op)];
      requests.add(Unsigned.toDouble(v), "proto", "4", "method", op);
    }
  }

  private static void counter(MetricFamilies f, String name, String help, long value) {
    f.counter(name, help).add(Unsigned.toDouble(value));
  }
}
