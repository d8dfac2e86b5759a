package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcNetNetstat;
import io.agentcollector.kernel.proc.ProcNetSnmp6;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's netstat collector: {@code node_netstat_<Proto>_<Field>} (untyped, as
 * node_exporter) for the fields of {@code /proc/net/netstat}, {@code /proc/net/snmp} and {@code
 * /proc/net/snmp6} whose {@code <Proto>_<Field>} matches {@code netstat.fields}. Golden file:
 * {@code src/test/golden/netstat.prom}.
 */
@Extension
@CollectorInfo(name = "netstat", nodeExporter = true)
public final class NetstatCollector implements Collector {

  private final HostPaths paths;
  private final Optional<Pattern> fields;
  private final Logger log;

  public NetstatCollector(CollectorContext context) {
    fields = SystemConfig.from(context.config()).netstatFields();
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    // A protocol found in a later file replaces the earlier one wholesale, as in node_exporter.
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>();
    for (String file : new String[] {"netstat", "snmp"}) {
      Optional<String> content = read(file);
      content.ifPresent(
          c -> protocols.putAll(ProcNetNetstat.parse("/proc/net/" + file, c).protocols()));
    }
    read("snmp6").ifPresent(c -> protocols.putAll(ProcNetSnmp6.parse(c).protocols()));

    MetricFamilies f = new MetricFamilies();
    protocols.forEach(
        (proto, values) ->
            values.forEach(
                (field, value) -> {
                  String key = proto + "_" + field;
                  if (SystemConfig.matches(fields, key)) {
                    f.untyped(
                            "node_netstat_" + key, "Network statistic " + proto + " " + field + ".")
                        .add(value);
                  }
                }));
    return f.build();
  }

  private Optional<String> read(String file) throws Exception {
    Optional<String> content = KernelFiles.readIfPresent(paths.proc("net", file));
    if (content.isEmpty()) {
      log.debug("no /proc/net/{}, skipping", file);
    }
    return content;
  }
}
