package io.agentcollector.runtime.containers;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStats.Cpu;
import io.agentcollector.api.container.ContainerStats.Extra;
import io.agentcollector.api.container.ContainerStats.Memory;
import io.agentcollector.kernel.proc.ProcNetDev;
import io.agentcollector.kernel.sys.SysDevBlock;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Maps one container's metadata and stats to cAdvisor's families (names, types and HELP as cAdvisor
 * exposes them; sources in docs/containers.md), plus our state, exit-code, OOM and usage-ratio
 * gauges.
 */
final class ContainerMetrics {

  private record Gauge(String name, String help, ToLongFunction<Memory> value) {}

  /** Memory gauges that are a plain field of the reading. */
  private static final List<Gauge> MEMORY_GAUGES =
      List.of(
          new Gauge(
              "container_memory_usage_bytes",
              "Current memory usage in bytes, including all memory regardless of when it was accessed",
              Memory::usage),
          new Gauge(
              "container_memory_working_set_bytes",
              "Current working set in bytes.",
              Memory::workingSet),
          new Gauge("container_memory_rss", "Size of RSS in bytes.", Memory::rss),
          new Gauge(
              "container_memory_cache", "Number of bytes of page cache memory.", Memory::cache),
          new Gauge("container_memory_swap", "Container swap usage in bytes.", Memory::swap),
          new Gauge(
              "container_memory_mapped_file",
              "Size of memory mapped files in bytes.",
              Memory::mappedFile),
          new Gauge(
              "container_memory_kernel_usage",
              "Size of kernel memory allocated in bytes.",
              Memory::kernel),
          new Gauge(
              "container_memory_max_usage_bytes",
              "Maximum memory usage recorded in bytes",
              Memory::maxUsage),
          new Gauge(
              "container_memory_total_active_file_bytes",
              "Current total active file in bytes.",
              Memory::activeFile),
          new Gauge(
              "container_memory_total_inactive_file_bytes",
              "Current total inactive file in bytes.",
              Memory::inactiveFile),
          new Gauge(
              "container_spec_memory_limit_bytes",
              "Memory limit for the container.",
              Memory::limit),
          new Gauge(
              "container_spec_memory_swap_limit_bytes",
              "Memory swap limit for the container.",
              Memory::swapLimit),
          new Gauge(
              "container_spec_memory_reservation_limit_bytes",
              "Memory reservation limit for the container.",
              Memory::reservation));

  /** States in the order of their label values: the samples' order (see ContainerCollector). */
  private static final List<ContainerState> STATES_BY_LABEL =
      Arrays.stream(ContainerState.values())
          .sorted(Comparator.comparing(ContainerState::label))
          .toList();

  /** cAdvisor's per-CPU label values (cpu00, cpu01, ..., cpu10, ...), built once. */
  private static final String[] CPU_NAMES = new String[256];

  static {
    for (int i = 0; i < CPU_NAMES.length; i++) {
      CPU_NAMES[i] = (i < 10 ? "cpu0" : "cpu") + i;
    }
  }

  private final MetricFamilies f;
  private final boolean perCpu;
  private final ContainerIoMetrics io;

  ContainerMetrics(MetricFamilies families, boolean perCpu, SysDevBlock devices) {
    this.f = families;
    this.perCpu = perCpu;
    this.io = new ContainerIoMetrics(families, devices);
  }

  /** Lifecycle series, for every container (running or stopped within retention). */
  void lifecycle(SeriesLabels sl, ContainerInfo c, double nowSeconds) {
    Labels l = sl.base();
    var state =
        f.gauge(
            "container_state",
            "Lifecycle state of the container: 1 for its current state (created, running, paused, restarting, exited, dead).");
    for (ContainerState s : STATES_BY_LABEL) {
      state.add(s == c.state() ? 1 : 0, sl.with("state", s.label()));
    }
    if (c.state() == ContainerState.EXITED || c.state() == ContainerState.DEAD) {
      c.exitCode()
          .ifPresent(
              code ->
                  f.gauge("container_exit_code", "Exit code of a stopped container.").add(code, l));
      f.gauge("container_oom_killed", "1 if the kernel's OOM killer ended the stopped container.")
          .add(c.oomKilled() ? 1 : 0, l);
    }
    c.startedAt()
        .or(c::createdAt)
        .ifPresent(
            t ->
                f.gauge(
                        "container_start_time_seconds",
                        "Start time of the container since unix epoch in seconds.")
                    .add(t.getEpochSecond(), l));
    f.gauge("container_last_seen", "Last time a container was seen by the exporter")
        .add(Math.floor(nowSeconds), l);
  }

  /** Usage and limits of a container with processes. */
  void stats(SeriesLabels sl, ContainerStats s, double cpuRatio) {
    cpu(sl, s.cpu(), s.extra(), cpuRatio);
    memory(sl, s.memory(), s.extra());
    io.blockIo(sl, s.blockIo());
    Labels l = sl.base();
    f.gauge("container_processes", "Number of processes running inside the container.")
        .add(s.pids().processes(), l);
    f.gauge("container_threads", "Number of threads running inside the container")
        .add(s.pids().threads(), l);
    f.gauge(
            "container_threads_max",
            "Maximum number of threads allowed inside the container, infinity if value is zero")
        .add(s.pids().threadsMax(), l);

    pressure(l, "cpu", "CPU", s.extra().cpuPressure());
    pressure(l, "memory", "memory", s.extra().memoryPressure());
    pressure(l, "io", "IO", s.extra().ioPressure());
  }

  private void cpu(SeriesLabels sl, Cpu cpu, Extra extra, double cpuRatio) {
    Labels l = sl.base();
    var usage =
        f.counter("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.");
    if (perCpu && !cpu.perCpuSeconds().isEmpty()) {
      for (int i = 0; i < cpu.perCpuSeconds().size(); i++) {
        double v = cpu.perCpuSeconds().get(i);
        if (v > 0) {
          usage.add(v, sl.with("cpu", cpuName(i)));
        }
      }
    } else if (cpu.usageSeconds() > 0) {
      usage.add(cpu.usageSeconds(), sl.with("cpu", "total"));
    }
    f.counter("container_cpu_user_seconds_total", "Cumulative user cpu time consumed in seconds.")
        .add(cpu.userSeconds(), l);
    f.counter(
            "container_cpu_system_seconds_total", "Cumulative system cpu time consumed in seconds.")
        .add(cpu.systemSeconds(), l);
    f.gauge("container_spec_cpu_period", "CPU period of the container.").add(cpu.periodMicros(), l);
    f.gauge("container_spec_cpu_shares", "CPU share of the container.").add(cpu.shares(), l);
    cpu.quotaMicros().ifPresent(q -> quota(l, q, cpu, extra));
    if (!Double.isNaN(cpuRatio)) {
      f.gauge(
              "container_cpu_usage_ratio",
              "CPU used over the last cycle as a fraction of the container's CPU quota (1 = all of it).")
          .add(cpuRatio, l);
    }
  }

  /** CFS throttling and burst: they only mean something under a quota. */
  private void quota(Labels l, long quotaMicros, Cpu cpu, Extra extra) {
    f.gauge("container_spec_cpu_quota", "CPU quota of the container.").add(quotaMicros, l);
    f.counter("container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.")
        .add(cpu.periods(), l);
    f.counter("container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.")
        .add(cpu.throttledPeriods(), l);
    f.counter(
            "container_cpu_cfs_throttled_seconds_total",
            "Total time duration the container has been throttled.")
        .add(cpu.throttledSeconds(), l);
    extra
        .burstPeriods()
        .ifPresent(
            n ->
                f.counter(
                        "container_cpu_cfs_burst_periods_total",
                        "Number of periods when burst occurs.")
                    .add(n, l));
    extra
        .burstSeconds()
        .ifPresent(
            sec ->
                f.counter(
                        "container_cpu_cfs_burst_seconds_total",
                        "Total time duration the container has been bursted.")
                    .add(sec, l));
  }

  private void memory(SeriesLabels sl, Memory m, Extra extra) {
    Labels l = sl.base();
    for (Gauge g : MEMORY_GAUGES) {
      f.gauge(g.name(), g.help()).add(g.value().applyAsLong(m), l);
    }
    // A counter in cAdvisor, but without the _total suffix client_java 1.x gives every counter:
    // the name is what queries use, so it keeps the name and is typed gauge (README,
    // compatibility).
    f.gauge("container_memory_failcnt", "Number of memory usage hits limits").add(m.failcnt(), l);
    var failures =
        f.counter(
            "container_memory_failures_total", "Cumulative count of memory allocation failures.");
    for (String scope : new String[] {"container", "hierarchy"}) {
      failures.add(m.pgfault(), sl.with("failure_type", "pgfault", "scope", scope));
    }
    for (String scope : new String[] {"container", "hierarchy"}) {
      failures.add(m.pgmajfault(), sl.with("failure_type", "pgmajfault", "scope", scope));
    }
    f.counter(
            "container_oom_events_total",
            "Count of out of memory events observed for the container")
        .add(m.oomKills(), l);
    extra
        .memoryHighEvents()
        .ifPresent(
            n ->
                f.counter(
                        "container_memory_events_high_total",
                        "Cumulative count of memory.high throttle events for the container")
                    .add(n, l));
    extra
        .memoryMaxEvents()
        .ifPresent(
            n ->
                f.counter(
                        "container_memory_events_max_total",
                        "Cumulative count of memory.max limit hit events for the container")
                    .add(n, l));
    if (m.limit() > 0) {
      f.gauge(
              "container_memory_usage_ratio",
              "Working set as a fraction of the container's memory limit.")
          .add((double) m.workingSet() / m.limit(), l);
    }
  }

  private static String cpuName(int i) {
    return i < CPU_NAMES.length ? CPU_NAMES[i] : "cpu" + i;
  }

  /** PSI totals as cAdvisor names them: waiting = the some line, stalled = the full line. */
  private void pressure(
      Labels l, String resource, String what, Optional<ContainerStats.Pressure> p) {
    p.ifPresent(
        v -> {
          f.counter(
                  "container_pressure_" + resource + "_waiting_seconds_total",
                  "Total time duration tasks in the container have waited due to "
                      + what
                      + " congestion.")
              .add(v.waitingSeconds(), l);
          f.counter(
                  "container_pressure_" + resource + "_stalled_seconds_total",
                  "Total time duration no tasks in the container could make progress due to "
                      + what
                      + " congestion.")
              .add(v.stalledSeconds(), l);
        });
  }

  void network(SeriesLabels sl, List<ProcNetDev.Device> net) {
    io.network(sl, net);
  }
}
