package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassDmiId;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * node_exporter's dmi collector: {@code node_dmi_info}, value 1, labelled with the SMBIOS strings
 * of {@code /sys/class/dmi/id} the host has (bios_*, board_*, chassis_* but the type, product_*,
 * and {@code system_vendor} from {@code sys_vendor}). They do not change until a reboot, so the
 * first good read is kept, as node_exporter reads them once. No DMI (ARM boards, Firecracker):
 * empty result. Golden file (hand-made tree {@code edge/system-dmi}): {@code
 * src/test/golden/dmi.prom}.
 */
@Extension
@CollectorInfo(name = "dmi", nodeExporter = true)
public final class DmiCollector implements Collector {

  /** Attribute files that become labels: the file name, but {@code sys_vendor}. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("bios_date", "bios_date"),
          Map.entry("bios_release", "bios_release"),
          Map.entry("bios_vendor", "bios_vendor"),
          Map.entry("bios_version", "bios_version"),
          Map.entry("board_asset_tag", "board_asset_tag"),
          Map.entry("board_name", "board_name"),
          Map.entry("board_serial", "board_serial"),
          Map.entry("board_vendor", "board_vendor"),
          Map.entry("board_version", "board_version"),
          Map.entry("chassis_asset_tag", "chassis_asset_tag"),
          Map.entry("chassis_serial", "chassis_serial"),
          Map.entry("chassis_vendor", "chassis_vendor"),
          Map.entry("chassis_version", "chassis_version"),
          Map.entry("product_family", "product_family"),
          Map.entry("product_name", "product_name"),
          Map.entry("product_serial", "product_serial"),
          Map.entry("product_sku", "product_sku"),
          Map.entry("product_uuid", "product_uuid"),
          Map.entry("product_version", "product_version"),
          Map.entry("sys_vendor", "system_vendor"));

  private final HostPaths paths;
  private volatile MetricSnapshots kept;

  public DmiCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricSnapshots k = kept;
    if (k != null) {
      return k;
    }
    SysClassDmiId dmi = SysClassDmiId.read(paths.sys("class", "dmi", "id"));
    List<String> labels = new ArrayList<>();
    dmi.attributes()
        .forEach(
            (file, value) -> {
              String label = LABELS.get(file);
              if (label != null) {
                labels.add(label);
                labels.add(value);
              }
            });
    MetricFamilies f = new MetricFamilies();
    if (!labels.isEmpty()) {
      f.info(
              "node_dmi_info",
              "A metric with a constant '1' value labeled by the DMI strings the host provides.")
          .addInfo(labels.toArray(String[]::new));
    }
    MetricSnapshots out = f.build();
    kept = out;
    return out;
  }
}
