package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysDevicesSystemEdacMc;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.Extension;

/**
 * node_exporter's edac collector: {@code node_edac_correctable_errors_total} and {@code
 * node_edac_uncorrectable_errors_total{controller}}, and {@code
 * node_edac_csrow_correctable_errors_total} / {@code
 * node_edac_csrow_uncorrectable_errors_total{controller,csrow}} per chip-select row plus {@code
 * csrow="unknown"} for the errors no row was found for, from {@code /sys/devices/system/edac/mc}.
 * No EDAC driver (VMs, most desktops): empty result. Golden file (hand-made tree {@code
 * edge/system-edac}): {@code src/test/golden/edac.prom}.
 */
@Extension
@CollectorInfo(name = "edac", nodeExporter = true)
public final class EdacCollector implements Collector {

  private final HostPaths paths;

  public EdacCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysDevicesSystemEdacMc edac =
        SysDevicesSystemEdacMc.read(paths.sys("devices", "system", "edac", "mc"));
    MetricFamilies f = new MetricFamilies();
    MetricFamilies.Family ce =
        f.counter("node_edac_correctable_errors_total", "Total correctable memory errors.");
    MetricFamilies.Family ue =
        f.counter("node_edac_uncorrectable_errors_total", "Total uncorrectable memory errors.");
    MetricFamilies.Family rowCe =
        f.counter(
            "node_edac_csrow_correctable_errors_total",
            "Total correctable memory errors for this csrow.");
    MetricFamilies.Family rowUe =
        f.counter(
            "node_edac_csrow_uncorrectable_errors_total",
            "Total uncorrectable memory errors for this csrow.");
    for (SysDevicesSystemEdacMc.Controller c : edac.controllers()) {
      String mc = c.controller();
      ce.add(c.ceCount(), "controller", mc);
      rowCe.add(c.ceNoinfoCount(), "controller", mc, "csrow", "unknown");
      ue.add(c.ueCount(), "controller", mc);
      rowUe.add(c.ueNoinfoCount(), "controller", mc, "csrow", "unknown");
      for (SysDevicesSystemEdacMc.Csrow r : c.csrows()) {
        rowCe.add(r.ceCount(), "controller", mc, "csrow", r.csrow());
        rowUe.add(r.ueCount(), "controller", mc, "csrow", r.csrow());
      }
    }
    return f.build();
  }
}
