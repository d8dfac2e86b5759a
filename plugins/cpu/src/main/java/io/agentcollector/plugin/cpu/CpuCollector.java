package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcCpuinfo;
import io.agentcollector.kernel.proc.ProcStat;
import io.agentcollector.kernel.sys.CpuList;
import io.agentcollector.kernel.sys.SysCpuThrottles;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter 1.5.0's cpu collector. From /proc/stat: {@code node_cpu_seconds_total{cpu,mode}}
 * and {@code node_cpu_guest_seconds_total{cpu,mode}} (setting {@code guest}); from sysfs: {@code
 * node_cpu_isolated{cpu}}, {@code node_cpu_core_throttles_total{package,core}} and {@code
 * node_cpu_package_throttles_total{package}} where the files exist; from /proc/cpuinfo, off by
 * default: {@code node_cpu_info}, {@code node_cpu_flag_info{flag}}, {@code node_cpu_bug_info{bug}}.
 * With {@code extra-metrics}: {@code host_cpu_usage_ratio} and {@code
 * host_cpu_core_usage_ratio{cpu}} (see {@link CpuUsageRatios}). Golden files:
 * src/test/golden/cpu.prom, cpu-bare-metal.prom.
 */
@Extension
@CollectorInfo(name = "cpu", nodeExporter = true)
public final class CpuCollector implements Collector {

  private static final String[] MODES = {
    "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"
  };

  /** Where guest's modes and the per-CPU gauges' label set are in a CPU's {@link #labels}. */
  private static final int USER = 0;

  private static final int NICE = 1;
  private static final int CPU_ONLY = MODES.length;

  /** /proc/stat counts USER_HZ ticks; Linux fixes USER_HZ at 100, as node_exporter assumes. */
  private static final double USER_HZ = 100.0;

  private final HostPaths paths;
  private final KernelFile statFile;
  private final CpuConfig config;
  private final Logger log;
  private final List<Labels> isolated;
  private final boolean throttles;
  private final CpuCounterGuard guard = new CpuCounterGuard();
  private final CpuUsageRatios usage = new CpuUsageRatios();

  /** Per CPU number, its label sets: see {@link #labels(int)}. */
  private final List<Labels[]> labels = new ArrayList<>();

  public CpuCollector(CollectorContext context) throws IOException {
    paths = context.hostPaths();
    config = CpuConfig.from(context.config());
    log = context.logger();
    // node_exporter reads the isolated list once, when the collector is created.
    Path isolatedFile = cpuDir().resolve("isolated");
    List<Integer> cpus = List.of();
    try {
      String content = KernelFiles.read(isolatedFile);
      cpus = CpuList.parse("/sys/devices/system/cpu/isolated", content).cpus();
    } catch (NoSuchFileException e) {
      log.debug("{} not present: no node_cpu_isolated", isolatedFile);
    }
    List<Labels> isolatedLabels = new ArrayList<>();
    cpus.forEach(cpu -> isolatedLabels.add(Labels.of("cpu", Integer.toString(cpu))));
    isolated = List.copyOf(isolatedLabels);
    statFile = new KernelFile(paths.proc("stat"));
    throttles = SysCpuThrottles.present(cpuDir());
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    if (config.info()) {
      info(f);
    }
    Optional<String> stat = read(statFile);
    if (stat.isPresent()) {
      times(f, ProcStat.parse(stat.get()));
    }
    var isolatedFamily =
        f.gauge("node_cpu_isolated", "1 for each CPU isolated from the scheduler.");
    isolated.forEach(cpu -> isolatedFamily.add(1, cpu));
    if (throttles) {
      throttles(f, SysCpuThrottles.read(cpuDir()));
    }
    return f.build();
  }

  private void times(MetricFamilies f, ProcStat stat) {
    List<long[]> ticks = guard.apply(stat.cpus());
    var seconds = f.counter("node_cpu_seconds_total", "CPU time spent in each mode, in seconds.");
    var guest =
        f.counter(
            "node_cpu_guest_seconds_total",
            "CPU time spent running guests (VMs), also counted in user and nice, in seconds.");
    for (int cpu = 0; cpu < ticks.size(); cpu++) {
      Labels[] labels = labels(cpu);
      long[] t = ticks.get(cpu);
      for (int m = 0; m < MODES.length; m++) {
        seconds.add(t[m] / USER_HZ, labels[m]);
      }
      if (config.guest()) {
        guest.add(t[ProcStat.CpuTicks.GUEST] / USER_HZ, labels[USER]);
        guest.add(t[ProcStat.CpuTicks.GUEST_NICE] / USER_HZ, labels[NICE]);
      }
    }
    CpuUsageRatios.Ratios ratios = usage.next(ticks);
    if (config.extraMetrics()) {
      var core =
          f.gauge(
              "host_cpu_core_usage_ratio",
              "Busy share (not idle, not iowait) of each CPU since the previous cycle, 0..1.");
      ratios.perCpu().forEach((cpu, r) -> core.add(r, labels(cpu)[CPU_ONLY]));
      ratios
          .all()
          .ifPresent(
              r ->
                  f.gauge(
                          "host_cpu_usage_ratio",
                          "Busy share (not idle, not iowait) of all CPUs since the previous cycle,"
                              + " 0..1.")
                      .add(r));
    }
  }

  /**
   * The label sets of CPU {@code cpu}, made once: {@code {cpu, mode}} for each of {@link #MODES}
   * (guest's modes user and nice among them), then {@code {cpu}} alone.
   */
  private Labels[] labels(int cpu) {
    while (labels.size() <= cpu) {
      String n = Integer.toString(labels.size());
      Labels[] l = new Labels[MODES.length + 1];
      for (int m = 0; m < MODES.length; m++) {
        l[m] = Labels.of("cpu", n, "mode", MODES[m]);
      }
      l[CPU_ONLY] = Labels.of("cpu", n);
      labels.add(l);
    }
    return labels.get(cpu);
  }

  private void info(MetricFamilies f) throws IOException {
    Optional<String> content = read(paths.proc("cpuinfo"));
    if (content.isEmpty()) {
      return;
    }
    List<ProcCpuinfo.Processor> cpus = ProcCpuinfo.parse(content.get()).processors();
    var info = f.info("node_cpu_info", "Identity of each CPU from /proc/cpuinfo.");
    for (ProcCpuinfo.Processor p : cpus) {
      info.addInfo(
          "package",
          p.physicalId(),
          "core",
          p.coreId(),
          "cpu",
          Long.toString(p.processor()),
          "vendor",
          p.vendor(),
          "family",
          p.family(),
          "model",
          p.model(),
          "model_name",
          p.modelName(),
          "microcode",
          p.microcode(),
          "stepping",
          p.stepping(),
          "cachesize",
          p.cacheSize());
    }
    if (!cpus.isEmpty()) {
      // node_exporter takes flags and bugs from the first CPU only.
      words(
          f.info("node_cpu_flag_info", "A flag of the first CPU in /proc/cpuinfo."),
          "flag",
          cpus.get(0).flags(),
          config.infoFlagsInclude());
      words(
          f.info("node_cpu_bug_info", "A bug of the first CPU in /proc/cpuinfo."),
          "bug",
          cpus.get(0).bugs(),
          config.infoBugsInclude());
    }
  }

  private static void words(
      MetricFamilies.Family family, String label, List<String> words, Optional<Pattern> include) {
    include.ifPresent(
        p ->
            words.stream().filter(w -> p.matcher(w).find()).forEach(w -> family.addInfo(label, w)));
  }

  private static void throttles(MetricFamilies f, SysCpuThrottles t) {
    var pkg =
        f.counter("node_cpu_package_throttles_total", "Thermal throttle events of a CPU package.");
    t.packages().forEach((p, n) -> pkg.add(n, "package", Long.toString(p)));
    var core = f.counter("node_cpu_core_throttles_total", "Thermal throttle events of a CPU core.");
    for (Map.Entry<Long, Map<Long, Long>> e : t.cores().entrySet()) {
      e.getValue()
          .forEach(
              (c, n) ->
                  core.add(n, "package", Long.toString(e.getKey()), "core", Long.toString(c)));
    }
  }

  private Path cpuDir() {
    return paths.sys("devices", "system", "cpu");
  }

  /** The file's content, or empty (logged at debug) when this host does not have it. */
  private Optional<String> read(Path file) throws IOException {
    try {
      return Optional.of(KernelFiles.read(file));
    } catch (NoSuchFileException e) {
      log.debug("{} not present", file);
      return Optional.empty();
    }
  }

  /** {@link #read(Path)} of a file kept open. */
  private Optional<String> read(KernelFile file) throws IOException {
    try {
      return Optional.of(file.read());
    } catch (NoSuchFileException e) {
      log.debug("{} not present", file.path());
      return Optional.empty();
    }
  }

  @Override
  public void stop() {
    statFile.close();
  }
}
