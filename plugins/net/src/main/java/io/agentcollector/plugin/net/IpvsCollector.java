package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetIpVs;
import io.agentcollector.kernel.proc.ProcNetIpVsStats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's ipvs collector: the totals of {@code /proc/net/ip_vs_stats} ({@code
 * node_ipvs_connections_total}, {@code node_ipvs_{incoming,outgoing}_{packets,bytes}_total}) and
 * per real server of {@code /proc/net/ip_vs} the gauges {@code
 * node_ipvs_backend_connections_active}, {@code ..._inactive} and {@code node_ipvs_backend_weight},
 * labelled with {@code ipvs-backend-labels} (like {@code --collector.ipvs.backend-labels}; servers
 * that share those label values are summed). No IPVS module: no {@code ip_vs_stats}, empty result.
 * Golden file (hand-made files {@code edge/net-ipvs}): {@code src/test/golden/ipvs.prom}.
 */
@Extension
@CollectorInfo(name = "ipvs", nodeExporter = true)
public final class IpvsCollector implements Collector {

  static final List<String> ALL_LABELS =
      List.of(
          "local_address", "local_port", "remote_address", "remote_port", "proto", "local_mark");

  private final HostPaths paths;
  private final Logger log;
  private final List<String> labels;

  public IpvsCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
    labels =
        backendLabels(
            context.config().key("ipvs-backend-labels"),
            context.config().getString("ipvs-backend-labels"));
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> statsText = KernelFiles.readIfPresent(paths.proc("net", "ip_vs_stats"));
    if (statsText.isEmpty()) {
      log.debug("no {}: IPVS not loaded", paths.proc("net", "ip_vs_stats"));
      return f.build();
    }
    ProcNetIpVsStats s = ProcNetIpVsStats.parse(statsText.get());
    f.counter("node_ipvs_connections_total", "The total number of connections made.")
        .add(unsigned(s.connections()));
    f.counter("node_ipvs_incoming_packets_total", "The total number of incoming packets.")
        .add(unsigned(s.incomingPackets()));
    f.counter("node_ipvs_outgoing_packets_total", "The total number of outgoing packets.")
        .add(unsigned(s.outgoingPackets()));
    f.counter("node_ipvs_incoming_bytes_total", "The total amount of incoming data.")
        .add(unsigned(s.incomingBytes()));
    f.counter("node_ipvs_outgoing_bytes_total", "The total amount of outgoing data.")
        .add(unsigned(s.outgoingBytes()));
    // Present whenever ip_vs_stats is: its absence now is a failure, as in node_exporter.
    ProcNetIpVs backends = ProcNetIpVs.parse(KernelFiles.read(paths.proc("net", "ip_vs")));
    addBackends(f, backends);
    return f.build();
  }

  private void addBackends(MetricFamilies f, ProcNetIpVs backends) {
    Map<List<String>, double[]> sums = new LinkedHashMap<>();
    for (ProcNetIpVs.Backend b : backends.backends()) {
      List<String> values = new ArrayList<>(labels.size());
      for (String label : labels) {
        values.add(value(b, label));
      }
      double[] sum = sums.computeIfAbsent(values, k -> new double[3]);
      sum[0] += unsigned(b.activeConn());
      sum[1] += unsigned(b.inactConn());
      sum[2] += unsigned(b.weight());
    }
    MetricFamilies.Family active =
        f.gauge(
            "node_ipvs_backend_connections_active",
            "The current active connections by local and remote address.");
    MetricFamilies.Family inactive =
        f.gauge(
            "node_ipvs_backend_connections_inactive",
            "The current inactive connections by local and remote address.");
    MetricFamilies.Family weight =
        f.gauge(
            "node_ipvs_backend_weight", "The current backend weight by local and remote address.");
    sums.forEach(
        (values, sum) -> {
          String[] pairs = new String[labels.size() * 2];
          for (int i = 0; i < labels.size(); i++) {
            pairs[i * 2] = labels.get(i);
            pairs[i * 2 + 1] = values.get(i);
          }
          active.add(sum[0], pairs);
          inactive.add(sum[1], pairs);
          weight.add(sum[2], pairs);
        });
  }

  private static String value(ProcNetIpVs.Backend b, String label) {
    return switch (label) {
      case "local_address" -> b.localAddress();
      case "local_port" -> Integer.toString(b.localPort());
      case "remote_address" -> b.remoteAddress();
      case "remote_port" -> Integer.toString(b.remotePort());
      case "proto" -> b.proto();
      default -> b.localMark();
    };
  }

  /**
   * The comma-separated labels, in node_exporter's order whatever the order given; "" and empty
   * items are no labels; an unknown one is a config error naming the key.
   */
  static List<String> backendLabels(String key, String value) {
    Set<String> wanted = new LinkedHashSet<>();
    int from = 0;
    while (from <= value.length()) {
      int comma = value.indexOf(',', from);
      int to = comma < 0 ? value.length() : comma;
      if (to > from) {
        wanted.add(value.substring(from, to));
      }
      from = to + 1;
    }
    List<String> out = new ArrayList<>();
    for (String label : ALL_LABELS) {
      if (wanted.remove(label)) {
        out.add(label);
      }
    }
    if (!wanted.isEmpty()) {
      throw new InvalidConfigException(
          key, value, "a comma-separated list of " + String.join(", ", ALL_LABELS));
    }
    return List.copyOf(out);
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }
}
