package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcNetNetstat;
import io.agentcollector.kernel.proc.ProcNetSnmp6;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjDoubleConsumer;
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

  private final KernelFile[] files;
  private final Optional<Pattern> fields;
  private final Logger log;

  /** Each protocol seen, with its fields' series: kept across cycles, names filtered once. */
  private final Map<String, Protocol> protocols = new HashMap<>();

  /** The protocols of this cycle, each once, in file order. */
  private final List<Protocol> current = new ArrayList<>();

  private int cycle;

  public NetstatCollector(CollectorContext context) {
    fields = SystemConfig.from(context.config()).netstatFields();
    HostPaths paths = context.hostPaths();
    files =
        new KernelFile[] {
          new KernelFile(paths.proc("net", "netstat")),
          new KernelFile(paths.proc("net", "snmp")),
          new KernelFile(paths.proc("net", "snmp6"))
        };
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    cycle++;
    current.clear();
    if (protocols.size() > SystemConfig.MAX_NAMES) {
      protocols.clear(); // names a kernel does not write: bounded all the same
    }
    // A protocol found in a later file replaces the earlier one wholesale, as in node_exporter.
    for (int i = 0; i < files.length; i++) {
      Optional<String> content = files[i].readIfPresent();
      if (content.isEmpty()) {
        log.debug("no {}, skipping", files[i].path());
      } else if (i < 2) {
        ProcNetNetstat.parse(
            i == 0 ? "/proc/net/netstat" : "/proc/net/snmp", content.get(), this::begin);
      } else {
        ProcNetSnmp6.parse(content.get(), this::begin);
      }
    }
    MetricFamilies f = new MetricFamilies();
    for (Protocol p : current) {
      for (Series s : p.values) {
        f.untyped(s.name, s.help).add(s.value);
      }
    }
    return f.build();
  }

  private Protocol begin(String name) {
    Protocol p = protocols.get(name);
    if (p == null) {
      p = new Protocol(name);
      protocols.put(name, p);
    }
    if (p.begunIn == cycle) {
      p.values.forEach(s -> s.setIn = 0); // replaced wholesale
      p.values.clear();
    } else {
      p.begunIn = cycle;
      p.values.clear();
      current.add(p);
    }
    return p;
  }

  /** One protocol: its fields' series, and those with a value this cycle. */
  private final class Protocol implements ObjDoubleConsumer<String> {
    private final String name;
    private final Map<String, Series> series = new HashMap<>();
    private final List<Series> values = new ArrayList<>();
    private int begunIn;

    Protocol(String name) {
      this.name = name;
    }

    @Override
    public void accept(String field, double value) {
      Series s = series.get(field);
      if (s == null) {
        String key = name + "_" + field;
        s =
            new Series(
                SystemConfig.matches(fields, key),
                "node_netstat_" + key,
                "Network statistic " + name + " " + field + ".");
        series.put(field, s);
      }
      if (s.kept) {
        if (s.setIn != cycle) {
          s.setIn = cycle; // a field twice in one protocol: the last value, as a map keeps
          values.add(s);
        }
        s.value = value;
      }
    }
  }

  /** A field's series; its value of this cycle. */
  private static final class Series {
    private final boolean kept;
    private final String name;
    private final String help;
    private int setIn;
    private double value;

    Series(boolean kept, String name, String help) {
      this.kept = kept;
      this.name = name;
      this.help = help;
    }
  }

  @Override
  public void stop() {
    for (KernelFile file : files) {
      file.close();
    }
  }
}
