package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.proc.ProcNetTcp;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's tcpstat collector (off by default, as there): {@code
 * node_tcp_connection_states{state}}, the IPv4 and IPv6 TCP sockets per state, and in the same
 * family {@code state="rx_queued_bytes"} and {@code "tx_queued_bytes"}, the bytes in their queues.
 * Read from {@code /proc/net/tcp} and {@code tcp6}; node_exporter asks the kernel over netlink
 * (inet_diag), which lists the same sockets with the same states and receive queues, but reports a
 * listening socket's backlog limit as its send queue: its {@code tx_queued_bytes} includes the
 * backlog of every listener, ours only bytes in flight (docs/compatibility.md). Like node_exporter,
 * only states that have sockets are exposed. Golden file: src/test/golden/tcpstat.prom.
 */
@Extension
@CollectorInfo(name = "tcpstat", enabledByDefault = false, nodeExporter = true)
public final class TcpstatCollector implements Collector {

  /** node_exporter's names of the kernel's states 1 to 11 (include/net/tcp_states.h). */
  private static final String[] STATES = {
    "unknown",
    "established",
    "syn_sent",
    "syn_recv",
    "fin_wait1",
    "fin_wait2",
    "time_wait",
    "close",
    "close_wait",
    "last_ack",
    "listen",
    "closing"
  };

  private final HostPaths paths;
  private final Logger log;

  public TcpstatCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    long[] byName = new long[STATES.length];
    long tx = 0;
    long rx = 0;
    long sockets = 0;
    for (String file : new String[] {"tcp", "tcp6"}) {
      Optional<ProcNetTcp> t =
          ProcNetTcp.readIfPresent("/proc/net/" + file, paths.proc("net", file));
      if (t.isEmpty()) {
        log.debug("no /proc/net/{}", file);
        continue;
      }
      for (int state = 0; state < 256; state++) {
        byName[state < STATES.length ? state : 0] += t.get().sockets(state);
      }
      tx += t.get().txQueue();
      rx += t.get().rxQueue();
      sockets += t.get().sockets();
    }
    MetricFamilies.Family states =
        f.gauge("node_tcp_connection_states", "Number of connection states.");
    for (int i = 0; i < STATES.length; i++) {
      if (byName[i] > 0) {
        states.add(byName[i], "state", STATES[i]);
      }
    }
    if (sockets > 0) {
      // node_exporter adds these for every socket it sees, so they exist iff there is one.
      states.add(rx, "state", "rx_queued_bytes");
      states.add(tx, "state", "tx_queued_bytes");
    }
    return f.build();
  }
}
