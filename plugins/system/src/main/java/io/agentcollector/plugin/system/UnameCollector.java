package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcSysKernelUname;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's uname collector: {@code node_uname_info{sysname,release,version,machine,nodename,
 * domainname}}. Java has no uname(2), so the values come from {@code /proc/sys/kernel/} (see {@link
 * ProcSysKernelUname}); they equal the syscall's. Golden file: {@code src/test/golden/uname.prom}.
 */
@Extension
@CollectorInfo(name = "uname", nodeExporter = true)
public final class UnameCollector implements Collector {

  private final Supplier<Optional<String>> machineFallback;
  private final HostPaths paths;
  private final KernelFile[] files;
  private final Logger log;

  /** The values {@link #labels} were made of: they change with the host name only. */
  private ProcSysKernelUname labelled;

  private Labels labels;

  public UnameCollector(CollectorContext context) {
    this(context, Libc::unameMachine);
  }

  /** For tests: a given uname(2) machine. */
  UnameCollector(CollectorContext context, Supplier<Optional<String>> machineFallback) {
    this.machineFallback = once(machineFallback);
    paths = context.hostPaths();
    files = ProcSysKernelUname.files(paths.proc());
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<ProcSysKernelUname> u = ProcSysKernelUname.read(files, machineFallback);
    if (u.isEmpty()) {
      log.debug("no uname files under {}", paths.proc("sys", "kernel"));
      return f.build();
    }
    ProcSysKernelUname v = u.get();
    if (!v.equals(labelled)) {
      labels =
          Labels.of(
              "sysname",
              v.sysname(),
              "release",
              v.release(),
              "version",
              v.version(),
              "machine",
              v.machine(),
              "nodename",
              v.nodename(),
              "domainname",
              v.domainname());
      labelled = v;
    }
    f.info("node_uname_info", "System identity as reported by uname(2).").add(1, labels);
    return f.build();
  }

  /** uname(2)'s machine does not change while the host runs: asked once, when first needed. */
  private static Supplier<Optional<String>> once(Supplier<Optional<String>> s) {
    return new Supplier<>() {
      private Optional<String> value;

      @Override
      public Optional<String> get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }

  @Override
  public void stop() {
    for (KernelFile f : files) {
      f.close();
    }
  }
}
