package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassFcHost;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.pf4j.Extension;

/**
 * node_exporter's fibrechannel collector: per adapter of {@code /sys/class/fc_host}, {@code
 * node_fibrechannel_info{fc_host,speed,port_state,port_type,port_id,port_name,fabric_name,
 * symbolic_name,supported_classes,supported_speeds,dev_loss_tmo}} and 14 counters {@code
 * node_fibrechannel_<name>_total{fc_host}}: 0 when the adapter has no such file, left out when it
 * reads all ones (not implemented by the firmware), as node_exporter 1.5.0 does. No FC adapter:
 * empty result. Golden file (hand-made tree {@code edge/net-fibrechannel}): {@code
 * src/test/golden/fibrechannel.prom}.
 */
@Extension
@CollectorInfo(name = "fibrechannel", nodeExporter = true)
public final class FibrechannelCollector implements Collector {

  /** A statistics file, its metric name and help. */
  private record Counter(String file, String name, String help) {}

  private static final List<Counter> COUNTERS =
      List.of(
          new Counter("dumped_frames", "dumped_frames_total", "Number of dumped frames"),
          new Counter("error_frames", "error_frames_total", "Number of errors in frames"),
          new Counter(
              "invalid_crc_count", "invalid_crc_total", "Invalid Cyclic Redundancy Check count"),
          new Counter("rx_frames", "rx_frames_total", "Number of frames received"),
          new Counter("rx_words", "rx_words_total", "Number of words received by host port"),
          new Counter("tx_frames", "tx_frames_total", "Number of frames transmitted by host port"),
          new Counter("tx_words", "tx_words_total", "Number of words transmitted by host port"),
          new Counter(
              "seconds_since_last_reset",
              "seconds_since_last_reset_total",
              "Number of seconds since last host port reset"),
          new Counter(
              "invalid_tx_word_count",
              "invalid_tx_words_total",
              "Number of invalid words transmitted by host port"),
          new Counter(
              "link_failure_count",
              "link_failure_total",
              "Number of times the host port link has failed"),
          new Counter(
              "loss_of_sync_count",
              "loss_of_sync_total",
              "Number of failures on either bit or transmission word boundaries"),
          new Counter(
              "loss_of_signal_count",
              "loss_of_signal_total",
              "Number of times signal has been lost"),
          new Counter(
              "nos_count",
              "nos_total",
              "Number Not_Operational Primitive Sequence received by host port"),
          new Counter("fcp_packet_aborts", "fcp_packet_aborts_total", "Number of aborted packets"));

  private final HostPaths paths;

  public FibrechannelCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysClassFcHost fc = SysClassFcHost.read(paths.sys("class", "fc_host"));
    MetricFamilies f = new MetricFamilies();
    for (SysClassFcHost.Host h : fc.hosts()) {
      var a = h.attributes();
      f.info(
              "node_fibrechannel_info",
              "Non-numeric data from /sys/class/fc_host/<host>, value is always 1.")
          .addInfo(
              "fc_host", h.name(),
              "speed", a.get("speed"),
              "port_state", a.get("port_state"),
              "port_type", a.get("port_type"),
              "port_id", a.get("port_id"),
              "port_name", a.get("port_name"),
              "fabric_name", a.get("fabric_name"),
              "symbolic_name", a.get("symbolic_name"),
              "supported_classes", a.get("supported_classes"),
              "supported_speeds", a.get("supported_speeds"),
              "dev_loss_tmo", a.get("dev_loss_tmo"));
      for (Counter c : COUNTERS) {
        // A missing file counts as 0, as procfs' zero value; all ones is "not implemented".
        long v = h.statistics().getOrDefault(c.file(), 0L);
        if (v != -1L) {
          f.counter("node_fibrechannel_" + c.name(), c.help())
              .add(unsigned(v), "fc_host", h.name());
        }
      }
    }
    return f.build();
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }
}
