package io.agentcollector.plugin.net;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassInfiniband;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.pf4j.Extension;

/**
 * node_exporter's infiniband collector: {@code node_infiniband_info{device,board_id,
 * firmware_version,hca_type}}, and per port the gauges {@code node_infiniband_state_id}, {@code
 * node_infiniband_physical_state_id}, {@code node_infiniband_rate_bytes_per_second} and a counter
 * per port counter the device has ({@code node_infiniband_port_data_received_bytes_total}, ..., the
 * {@code counters_ext} ones as {@code node_infiniband_legacy_*}), all {@code {device,port}}, from
 * {@code /sys/class/infiniband}. No InfiniBand: empty result. Golden file (hand-made tree {@code
 * edge/net-infiniband}): {@code src/test/golden/infiniband.prom}.
 */
@Extension
@CollectorInfo(name = "infiniband", nodeExporter = true)
public final class InfinibandCollector implements Collector {

  /** Counter file to metric name, as node_exporter 1.5.0 names them. */
  private record Counter(String file, String name) {}

  private static final List<Counter> COUNTERS =
      List.of(
          new Counter("port_multicast_rcv_packets", "legacy_multicast_packets_received_total"),
          new Counter("port_multicast_xmit_packets", "legacy_multicast_packets_transmitted_total"),
          new Counter("port_rcv_data_64", "legacy_data_received_bytes_total"),
          new Counter("port_rcv_packets_64", "legacy_packets_received_total"),
          new Counter("port_unicast_rcv_packets", "legacy_unicast_packets_received_total"),
          new Counter("port_unicast_xmit_packets", "legacy_unicast_packets_transmitted_total"),
          new Counter("port_xmit_data_64", "legacy_data_transmitted_bytes_total"),
          new Counter("port_xmit_packets_64", "legacy_packets_transmitted_total"),
          new Counter("excessive_buffer_overrun_errors", "excessive_buffer_overrun_errors_total"),
          new Counter("link_downed", "link_downed_total"),
          new Counter("link_error_recovery", "link_error_recovery_total"),
          new Counter("local_link_integrity_errors", "local_link_integrity_errors_total"),
          new Counter("multicast_rcv_packets", "multicast_packets_received_total"),
          new Counter("multicast_xmit_packets", "multicast_packets_transmitted_total"),
          new Counter("port_rcv_constraint_errors", "port_constraint_errors_received_total"),
          new Counter("port_xmit_constraint_errors", "port_constraint_errors_transmitted_total"),
          new Counter("port_rcv_data", "port_data_received_bytes_total"),
          new Counter("port_xmit_data", "port_data_transmitted_bytes_total"),
          new Counter("port_rcv_discards", "port_discards_received_total"),
          new Counter("port_xmit_discards", "port_discards_transmitted_total"),
          new Counter("port_rcv_errors", "port_errors_received_total"),
          new Counter("port_rcv_packets", "port_packets_received_total"),
          new Counter("port_xmit_packets", "port_packets_transmitted_total"),
          new Counter("port_xmit_wait", "port_transmit_wait_total"),
          new Counter("unicast_rcv_packets", "unicast_packets_received_total"),
          new Counter("unicast_xmit_packets", "unicast_packets_transmitted_total"),
          new Counter(
              "port_rcv_remote_physical_errors", "port_receive_remote_physical_errors_total"),
          new Counter("port_rcv_switch_relay_errors", "port_receive_switch_relay_errors_total"),
          new Counter("symbol_error", "symbol_error_total"),
          new Counter("VL15_dropped", "vl15_dropped_total"));

  private final HostPaths paths;

  public InfinibandCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysClassInfiniband ib = SysClassInfiniband.read(paths.sys("class", "infiniband"));
    MetricFamilies f = new MetricFamilies();
    for (SysClassInfiniband.Device d : ib.devices()) {
      f.info(
              "node_infiniband_info",
              "Non-numeric data from /sys/class/infiniband/<device>, value is always 1.")
          .addInfo(
              "device", d.name(),
              "board_id", d.boardId(),
              "firmware_version", d.firmwareVersion(),
              "hca_type", d.hcaType());
      for (SysClassInfiniband.Port p : d.ports()) {
        String port = Long.toString(p.port());
        f.gauge("node_infiniband_state_id", "State of the InfiniBand port.")
            .add(p.stateId(), "device", d.name(), "port", port);
        f.gauge("node_infiniband_physical_state_id", "Physical state of the InfiniBand port.")
            .add(p.physStateId(), "device", d.name(), "port", port);
        f.gauge("node_infiniband_rate_bytes_per_second", "Maximum signal transfer rate")
            .add(unsigned(p.rateBytesPerSecond()), "device", d.name(), "port", port);
        for (Counter c : COUNTERS) {
          Long v = p.counters().get(c.file());
          if (v != null) {
            f.counter("node_infiniband_" + c.name(), "InfiniBand port counter " + c.file() + ".")
                .add(unsigned(v), "device", d.name(), "port", port);
          }
        }
      }
    }
    return f.build();
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }
}
