package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassThermal;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.Extension;

/**
 * node_exporter's thermal_zone collector: {@code node_thermal_zone_temp{zone,type}} in °C and
 * {@code node_cooling_device_cur_state} / {@code node_cooling_device_max_state{name,type}} from
 * {@code /sys/class/thermal}. Most VMs have no zones: empty result. Golden file (hand-made tree
 * {@code edge/system-thermal}): {@code src/test/golden/thermal_zone.prom}.
 */
@Extension
@CollectorInfo(name = "thermal_zone", nodeExporter = true)
public final class ThermalZoneCollector implements Collector {

  private final HostPaths paths;

  public ThermalZoneCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysClassThermal t = SysClassThermal.read(paths.sys("class", "thermal"));
    MetricFamilies f = new MetricFamilies();
    MetricFamilies.Family temp = f.gauge("node_thermal_zone_temp", "Zone temperature in Celsius");
    for (SysClassThermal.Zone z : t.zones()) {
      // millidegrees Celsius, as the kernel reports them
      temp.add(z.milliCelsius() / 1000.0, "zone", z.name(), "type", z.type());
    }
    MetricFamilies.Family cur =
        f.gauge("node_cooling_device_cur_state", "Current throttle state of the cooling device");
    MetricFamilies.Family max =
        f.gauge("node_cooling_device_max_state", "Maximum throttle state of the cooling device");
    for (SysClassThermal.CoolingDevice d : t.coolingDevices()) {
      cur.add(d.curState(), "name", d.name(), "type", d.type());
      max.add(d.maxState(), "name", d.name(), "type", d.type());
    }
    return f.build();
  }
}
