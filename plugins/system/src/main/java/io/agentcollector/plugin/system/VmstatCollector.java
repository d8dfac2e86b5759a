package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcVmstat;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's vmstat collector: {@code node_vmstat_<field>} (untyped, as node_exporter) for the
 * {@code /proc/vmstat} fields matching {@code vmstat.fields}. Golden file: {@code
 * src/test/golden/vmstat.prom}.
 */
@Extension
@CollectorInfo(name = "vmstat", nodeExporter = true)
public final class VmstatCollector implements Collector {

  private final KernelFile file;
  private final Optional<Pattern> fields;
  private final Logger log;

  /** Each field name seen, with its series: the filter runs once per name. */
  private final Map<String, Series> series = new HashMap<>();

  /** The kept fields of this cycle, each once. */
  private final List<Series> current = new ArrayList<>();

  private int cycle;

  public VmstatCollector(CollectorContext context) {
    fields = SystemConfig.from(context.config()).vmstatFields();
    file = new KernelFile(context.hostPaths().proc("vmstat"));
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = file.readIfPresent();
    if (content.isEmpty()) {
      log.debug("no {}", file.path());
      return f.build();
    }
    cycle++;
    current.clear();
    if (series.size() > SystemConfig.MAX_NAMES) {
      series.clear(); // names a kernel does not write: bounded all the same
    }
    ProcVmstat.parse(content.get(), this::set);
    for (Series s : current) {
      f.untyped(s.name, s.help).add(s.value);
    }
    return f.build();
  }

  private void set(String field, double value) {
    Series s = series.get(field);
    if (s == null) {
      s =
          new Series(
              SystemConfig.matches(fields, field),
              "node_vmstat_" + field,
              "Field " + field + " of /proc/vmstat.");
      series.put(field, s);
    }
    if (s.kept) {
      if (s.setIn != cycle) {
        s.setIn = cycle; // a field twice: the last value, as the parser's map keeps
        current.add(s);
      }
      s.value = value;
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
    file.close();
  }
}
