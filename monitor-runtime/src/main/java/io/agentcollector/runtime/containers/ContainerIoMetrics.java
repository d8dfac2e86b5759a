package io.agentcollector.runtime.containers;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerStats.BlockDevice;
import io.agentcollector.kernel.proc.ProcNetDev;
import io.agentcollector.kernel.sys.SysDevBlock;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Comparator;
import java.util.List;

/** cAdvisor's block IO and network families of one container (part of {@link ContainerMetrics}). */
final class ContainerIoMetrics {

  private final MetricFamilies f;
  private final SysDevBlock devices;

  ContainerIoMetrics(MetricFamilies families, SysDevBlock devices) {
    this.f = families;
    this.devices = devices;
  }

  void blockIo(SeriesLabels sl, List<BlockDevice> blockIo) {
    for (BlockDevice d : sortedByName(blockIo)) {
      String device = devices.name(d.major(), d.minor());
      Labels dl = sl.with("device", device);
      f.counter("container_fs_reads_bytes_total", "Cumulative count of bytes read")
          .add(d.readBytes(), dl);
      f.counter("container_fs_writes_bytes_total", "Cumulative count of bytes written")
          .add(d.writeBytes(), dl);
      f.counter("container_fs_reads_total", "Cumulative count of reads completed")
          .add(d.reads(), dl);
      f.counter("container_fs_writes_total", "Cumulative count of writes completed")
          .add(d.writes(), dl);
      var blkio = f.counter("container_blkio_device_usage_total", "Blkio Device bytes usage");
      String major = Integer.toString(d.major());
      String minor = Integer.toString(d.minor());
      blkio.add(
          d.readBytes(),
          sl.with("device", device, "major", major, "minor", minor, "operation", "Read"));
      blkio.add(
          d.writeBytes(),
          sl.with("device", device, "major", major, "minor", minor, "operation", "Write"));
    }
  }

  private List<BlockDevice> sortedByName(List<BlockDevice> in) {
    if (in.size() < 2) {
      return in;
    }
    return in.stream()
        .sorted(Comparator.comparing((BlockDevice d) -> devices.name(d.major(), d.minor())))
        .toList();
  }

  void network(SeriesLabels sl, List<ProcNetDev.Device> net) {
    for (ProcNetDev.Device i : net) {
      Labels il = sl.with("interface", i.name());
      f.counter("container_network_receive_bytes_total", "Cumulative count of bytes received")
          .add(i.counter("receive_bytes"), il);
      f.counter("container_network_receive_packets_total", "Cumulative count of packets received")
          .add(i.counter("receive_packets"), il);
      f.counter(
              "container_network_receive_errors_total",
              "Cumulative count of errors encountered while receiving")
          .add(i.counter("receive_errs"), il);
      f.counter(
              "container_network_receive_packets_dropped_total",
              "Cumulative count of packets dropped while receiving")
          .add(i.counter("receive_drop"), il);
      f.counter("container_network_transmit_bytes_total", "Cumulative count of bytes transmitted")
          .add(i.counter("transmit_bytes"), il);
      f.counter(
              "container_network_transmit_packets_total", "Cumulative count of packets transmitted")
          .add(i.counter("transmit_packets"), il);
      f.counter(
              "container_network_transmit_errors_total",
              "Cumulative count of errors encountered while transmitting")
          .add(i.counter("transmit_errs"), il);
      f.counter(
              "container_network_transmit_packets_dropped_total",
              "Cumulative count of packets dropped while transmitting")
          .add(i.counter("transmit_drop"), il);
    }
  }
}
