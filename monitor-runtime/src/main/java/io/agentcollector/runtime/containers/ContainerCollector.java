package io.agentcollector.runtime.containers;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.api.container.ContainerStatsReader.Activity;
import io.agentcollector.api.Failures;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Every {@code container_*} family, whatever the runtime and cgroup version: containers and their
 * state from the {@link ContainerRuntime}s, usage from the active {@link ContainerStatsReader},
 * Kubernetes labels from the {@link ContainerEnricher}s, network from {@code /proc/<pid>/net/dev}.
 * Stopped and removed containers stay visible (state, exit code, OOM) for {@code retention}.
 */
public final class ContainerCollector implements Collector {

  private final List<ContainerRuntime> runtimes;
  private final List<ContainerStatsReader> readers;
  private final List<ContainerEnricher> enrichers;
  /** The labels the runtime adds to every series (host, static): set here once per container. */
  private final Map<String, String> injected;

  private ContainersConfig config;
  private HostPaths paths;
  private Clock clock;
  private Logger log;
  private BlockDeviceNames devices;
  private final Map<String, Boolean> runtimeUp = new HashMap<>();
  /** Per runtime: "ok" or why it did not answer in the last cycle; read by the landing page. */
  private final Map<String, String> runtimeHealth = new ConcurrentHashMap<>();
  private final Map<String, String> enricherStates = new HashMap<>();
  /** Containers seen before, by runtime/id: to keep removed ones for the retention period. */
  private final Map<ContainerKey, Seen> seen = new HashMap<>();
  private final Map<ContainerKey, double[]> lastCpu = new HashMap<>();
  private final Map<ContainerKey, SeriesLabels> labelCache = new HashMap<>();
  /** The last full stats reading per container, kept while the container is idle. */
  private Map<ContainerKey, Reading> readings = new HashMap<>();

  private record Seen(ContainerInfo info, Instant stoppedAt) {}

  private record Reading(ContainerInfo info, Activity activity, ContainerStats stats, long readAtMillis) {}

  private record Labelled(ContainerInfo info, SeriesLabels labels) {}

  public ContainerCollector(
      List<ContainerRuntime> runtimes, List<ContainerStatsReader> readers, List<ContainerEnricher> enrichers) {
    this(runtimes, readers, enrichers, Map.of());
  }

  public ContainerCollector(List<ContainerRuntime> runtimes, List<ContainerStatsReader> readers,
      List<ContainerEnricher> enrichers, Map<String, String> injectedLabels) {
    this.injected = Map.copyOf(injectedLabels);
    this.runtimes = List.copyOf(runtimes);
    this.readers = List.copyOf(readers);
    this.enrichers = List.copyOf(enrichers);
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public void start(CollectorContext context) {
    config = ContainersConfig.from(context.config());
    paths = context.hostPaths();
    clock = context.clock();
    log = context.logger();
    devices = new BlockDeviceNames(paths.sys());
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    Instant now = clock.instant();
    MetricFamilies f = new MetricFamilies();
    List<ContainerInfo> current = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    var up = f.gauge("monitor_container_runtime_up", "Whether the container runtime answered in the last cycle.");
    for (ContainerRuntime r : runtimes) {
      try {
        current.addAll(r.containers());
        up.add(1, "runtime", r.name());
        noteRuntime(r.name(), true, "");
      } catch (Exception e) {
        up.add(0, "runtime", r.name());
        failures.add(r.name() + ": " + Failures.summary(e));
        noteRuntime(r.name(), false, Failures.summary(e));
        // Its containers are unknown this cycle: keep what we knew, do not treat them as removed.
        seen.values().stream().filter(s -> s.info().runtime().equals(r.name())).forEach(s -> current.add(s.info()));
      }
    }
    if (!failures.isEmpty() && failures.size() == runtimes.size()) {
      throw new IOException("no container runtime answered: " + String.join("; ", failures));
    }
    List<ContainerInfo> visible = track(current, now);

    ContainerStatsReader reader = readers.stream().filter(ContainerStatsReader::active).findFirst().orElse(null);
    List<Map<String, String>> labelMaps = new ArrayList<>();
    for (ContainerInfo c : visible) {
      labelMaps.add(ContainerLabels.of(c, config.labelAllowlist(), enrich(c)));
    }
    labelMaps = ContainerLabels.fill(labelMaps);

    ContainerMetrics metrics = new ContainerMetrics(f, config.perCpu(), devices);
    double nowSeconds = now.toEpochMilli() / 1000.0;
    Map<ContainerKey, SeriesLabels> usedLabels = new HashMap<>();
    Map<ContainerKey, Reading> nextReadings = new HashMap<>();
    List<Labelled> ordered = new ArrayList<>(visible.size());
    for (int i = 0; i < visible.size(); i++) {
      ContainerInfo c = visible.get(i);
      SeriesLabels l = seriesLabels(c, labelMaps.get(i));
      usedLabels.put(c.key(), l);
      ordered.add(new Labelled(c, l));
    }
    // In label order: client_java sorts every family's samples by labels, and a sorted input
    // costs one comparison per sample instead of ~log2(n) (ContainerMetrics keeps each
    // container's own series in order too).
    ordered.sort((a, b) -> a.labels().base().compareTo(b.labels().base()));
    for (Labelled x : ordered) {
      ContainerInfo c = x.info();
      SeriesLabels l = x.labels();
      metrics.lifecycle(l, c, nowSeconds);
      if (!c.state().hasProcesses()) {
        continue;
      }
      if (reader != null) {
        Optional<ContainerStats> stats = readStats(reader, c, now.toEpochMilli(), nextReadings);
        stats.ifPresent(s -> metrics.stats(l, s, cpuRatio(c, s, nowSeconds)));
      }
      if (c.ownNetwork() && c.pid() > 0) {
        network(c).ifPresent(n -> metrics.network(l, n));
      }
    }
    labelCache.clear();
    labelCache.putAll(usedLabels);
    readings = nextReadings;
    enricherStatus(f);
    machine(f);
    return f.build();
  }

  /** The container's series labels, from the last cycle when they did not change. */
  private SeriesLabels seriesLabels(ContainerInfo c, Map<String, String> labels) {
    Map<String, String> all = labels;
    if (!injected.isEmpty()) {
      all = new LinkedHashMap<>(labels);
      for (var e : injected.entrySet()) {
        all.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    SeriesLabels before = labelCache.get(c.key());
    return before != null && before.matches(all) ? before : new SeriesLabels(all);
  }

  /**
   * Updates what we have seen; returns the containers to expose now. A stopped container, and a
   * removed one whatever its last state, stays for the retention period from when it stopped or
   * disappeared.
   */
  private List<ContainerInfo> track(List<ContainerInfo> current, Instant now) {
    Map<ContainerKey, Seen> next = new LinkedHashMap<>();
    for (ContainerInfo c : current) {
      ContainerKey key = c.key();
      Seen before = seen.get(key);
      Instant stoppedAt = null;
      if (c.state() == ContainerState.EXITED || c.state() == ContainerState.DEAD) {
        stoppedAt = before != null && before.stoppedAt() != null ? before.stoppedAt() : c.finishedAt().orElse(now);
      }
      next.put(key, new Seen(c, stoppedAt));
    }
    for (var e : seen.entrySet()) {
      if (!next.containsKey(e.getKey())) {
        // Removed: its last state stays visible; one that had processes was killed.
        ContainerInfo last = e.getValue().info();
        if (last.state() != ContainerState.EXITED && last.state() != ContainerState.DEAD) {
          last = last.withState(ContainerState.EXITED, OptionalInt.empty(), false, Optional.of(now));
        }
        Instant stopped = e.getValue().stoppedAt() != null ? e.getValue().stoppedAt() : now;
        next.put(e.getKey(), new Seen(last, stopped));
      }
    }
    seen.clear();
    List<ContainerInfo> out = new ArrayList<>();
    for (var e : next.entrySet()) {
      Instant stoppedAt = e.getValue().stoppedAt();
      if (stoppedAt != null && now.isAfter(stoppedAt.plus(config.retention()))) {
        lastCpu.remove(e.getKey());
        continue;
      }
      seen.put(e.getKey(), e.getValue());
      out.add(e.getValue().info());
    }
    return out;
  }

  private Map<String, String> enrich(ContainerInfo c) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ContainerEnricher e : enrichers) {
      try {
        e.labels(c).forEach(out::putIfAbsent);
      } catch (RuntimeException ex) {
        log.debug("enricher {} failed for {}: {}", e.name(), c.id(), Failures.summary(ex));
      }
    }
    return out;
  }

  private void enricherStatus(MetricFamilies f) {
    if (enrichers.isEmpty()) {
      return;
    }
    var up = f.gauge("monitor_container_enricher_up", "Whether the container enricher's source (e.g. the Kubernetes API) answers.");
    var status = f.gauge("monitor_container_enricher_status", "The container enricher's status: 1 for the current one, ok or why not.");
    for (ContainerEnricher e : enrichers) {
      String s;
      try {
        s = e.status();
      } catch (RuntimeException ex) {
        s = "error";
      }
      s = s == null || s.isBlank() ? "unknown" : s;
      up.add("ok".equals(s) ? 1 : 0, "enricher", e.name());
      status.add(1, "enricher", e.name(), "status", s);
      String before = enricherStates.put(e.name(), s);
      if (!s.equals(before) && !(before == null && "ok".equals(s))) {
        if ("ok".equals(s) || "connecting".equals(s)) {
          log.info("container enricher {} is {}", e.name(), s);
        } else {
          log.warn("container enricher {}: {}", e.name(), s);
        }
      }
    }
  }

  /**
   * The container's stats: its last full reading while its activity reading (CPU usage) stays the
   * same, for up to {@code idle-refresh} and as long as the runtime describes it the same way
   * (a restart, pause or update hands a new description); else a full read.
   */
  private Optional<ContainerStats> readStats(
      ContainerStatsReader reader, ContainerInfo c, long nowMillis, Map<ContainerKey, Reading> next) {
    ContainerKey key = c.key();
    try {
      Activity activity = config.idleRefresh().isZero() ? null : reader.activity(c).orElse(null);
      Reading last = readings.get(key);
      if (activity != null && last != null && last.info() == c && activity.equals(last.activity())
          && nowMillis - last.readAtMillis() < config.idleRefresh().toMillis()) {
        next.put(key, last);
        return Optional.of(last.stats());
      }
      Optional<ContainerStats> stats = activity == null ? reader.read(c) : reader.read(c, activity);
      if (activity != null && stats.isPresent()) {
        next.put(key, new Reading(c, activity, stats.get(), nowMillis));
      }
      return stats;
    } catch (Exception e) {
      // A container that exits between listing and reading loses its cgroup: not an error.
      log.debug("no stats for {}/{}: {}", c.runtime(), c.id(), Failures.summary(e));
      return Optional.empty();
    }
  }

  /** CPU used since the last cycle as a fraction of the quota; NaN on the first cycle or without quota. */
  private double cpuRatio(ContainerInfo c, ContainerStats s, double nowSeconds) {
    ContainerKey key = c.key();
    double[] prev = lastCpu.put(key, new double[] {s.cpu().usageSeconds(), nowSeconds});
    var quota = s.cpu().quotaMicros();
    if (prev == null || quota.isEmpty() || s.cpu().periodMicros() <= 0 || nowSeconds <= prev[1]) {
      return Double.NaN;
    }
    double cores = (double) quota.getAsLong() / s.cpu().periodMicros();
    return (s.cpu().usageSeconds() - prev[0]) / (nowSeconds - prev[1]) / cores;
  }

  private Optional<NetDev> network(ContainerInfo c) {
    try {
      return Optional.of(NetDev.parse(KernelFiles.read(paths.proc(Long.toString(c.pid()), "net", "dev"))));
    } catch (IOException | IllegalArgumentException e) {
      log.debug("no network stats for {}/{}: {}", c.runtime(), c.id(), Failures.summary(e));
      return Optional.empty();
    }
  }

  /** cAdvisor's machine_cpu_cores and machine_memory_bytes. */
  private void machine(MetricFamilies f) {
    try {
      String online = KernelFiles.read(paths.sys("devices", "system", "cpu", "online")).strip();
      f.gauge("machine_cpu_cores", "Number of logical CPU cores.").add(countCpus(online));
    } catch (IOException | RuntimeException e) {
      log.debug("machine_cpu_cores: {}", Failures.summary(e));
    }
    try {
      for (String line : KernelFiles.read(paths.proc("meminfo")).split("\n")) {
        if (line.startsWith("MemTotal:")) {
          // /proc/meminfo is in kB (KiB).
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          f.gauge("machine_memory_bytes", "Amount of memory installed on the machine.").add(kb * 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("machine_memory_bytes: {}", Failures.summary(e));
    }
  }

  /** Counts CPUs in a kernel cpu list such as {@code 0-3,5,7-8}. */
  static int countCpus(String list) {
    int n = 0;
    for (String part : list.split(",")) {
      String[] range = part.strip().split("-");
      n += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
    }
    return n;
  }

  private void noteRuntime(String name, boolean ok, String reason) {
    runtimeHealth.put(name, ok ? "ok" : "not answering: " + reason);
    Boolean before = runtimeUp.put(name, ok);
    if (before == null && !ok || before != null && before != ok) {
      if (ok) {
        log.info("container runtime {} answers again", name);
      } else {
        log.warn("container runtime {} not answering: {}", name, reason);
      }
    }
  }

  /** "ok", why runtime {@code name} did not answer in the last cycle, or empty before the first. */
  public String runtimeHealth(String name) {
    return runtimeHealth.getOrDefault(name, "");
  }

  @Override
  public void stop() {
    seen.clear();
    readings.clear();
  }
}
