package io.agentcollector.runtime.containers;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.Failures;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.kernel.sys.SysDevBlock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Every {@code container_*} family, whatever the runtime and cgroup version: containers and their
 * state from the {@link ContainerRuntime}s, usage from the active {@link ContainerStatsReader},
 * Kubernetes labels from the {@link ContainerEnricher}s, network from {@code /proc/<pid>/net/dev}.
 * Stopped and removed containers stay visible (state, exit code, OOM) for {@code retention}. This
 * class runs a cycle; the parts it calls own the state kept between cycles.
 */
public final class ContainerCollector implements Collector {

  private final List<ContainerRuntime> runtimes;
  private final List<ContainerStatsReader> readers;
  private final List<ContainerEnricher> enricherList;

  /** The labels the runtime adds to every series (host, static). */
  private final Map<String, String> injected;

  private ContainersConfig config;
  private Clock clock;
  private Logger log;
  private SysDevBlock devices;

  /** Volatile: the landing page reads it from another thread. */
  private volatile RuntimeHealth health;

  private ContainerTracker tracker;
  private ContainerEnrichers enrichers;
  private SeriesLabelCache labelCache;
  private StatsCache statsCache;
  private final CpuRatios cpuRatios = new CpuRatios();
  private MachineFiles files;
  private ReadProblems problems;

  private record Labelled(ContainerInfo info, SeriesLabels labels) {}

  public ContainerCollector(
      List<ContainerRuntime> runtimes,
      List<ContainerStatsReader> readers,
      List<ContainerEnricher> enrichers) {
    this(runtimes, readers, enrichers, Map.of());
  }

  public ContainerCollector(
      List<ContainerRuntime> runtimes,
      List<ContainerStatsReader> readers,
      List<ContainerEnricher> enrichers,
      Map<String, String> injectedLabels) {
    this.injected = Map.copyOf(injectedLabels);
    this.runtimes = List.copyOf(runtimes);
    this.readers = List.copyOf(readers);
    this.enricherList = List.copyOf(enrichers);
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public void start(CollectorContext context) {
    config = ContainersConfig.from(context.config());
    clock = context.clock();
    log = context.logger();
    devices = new SysDevBlock(context.hostPaths().sys());
    health = new RuntimeHealth(log);
    tracker = new ContainerTracker(config.retention());
    enrichers = new ContainerEnrichers(enricherList, log);
    labelCache = new SeriesLabelCache(injected);
    statsCache = new StatsCache(config.idleRefresh());
    problems = new ReadProblems(log);
    files = new MachineFiles(context.hostPaths(), problems);
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    Instant now = clock.instant();
    MetricFamilies f = new MetricFamilies();
    ContainerTracker.Tracked tracked = tracker.track(listContainers(f), now);
    tracked.expired().forEach(cpuRatios::forget);

    ContainerStatsReader reader =
        readers.stream().filter(ContainerStatsReader::active).findFirst().orElse(null);
    ContainerMetrics metrics = new ContainerMetrics(f, config.perCpu(), devices);
    double nowSeconds = now.toEpochMilli() / 1000.0;
    statsCache.beginCycle();
    for (Labelled x : labelled(tracked.visible())) {
      ContainerInfo c = x.info();
      metrics.lifecycle(x.labels(), c, nowSeconds);
      if (!c.state().hasProcesses()) {
        continue;
      }
      if (reader != null) {
        readStats(reader, c, now.toEpochMilli())
            .ifPresent(
                s -> metrics.stats(x.labels(), s, cpuRatios.ratio(c.key(), s.cpu(), nowSeconds)));
      }
      if (c.ownNetwork() && c.pid() > 0) {
        files.network(c).ifPresent(n -> metrics.network(x.labels(), n));
      }
    }
    statsCache.endCycle();
    enrichers.status(f);
    files.machine(f);
    return f.build();
  }

  /**
   * Every runtime's containers, and {@code monitor_container_runtime_up}. A runtime that does not
   * answer keeps the containers it had: they are unknown this cycle, not removed. Throws when no
   * runtime answered.
   */
  private List<ContainerInfo> listContainers(MetricFamilies f) throws IOException {
    List<ContainerInfo> current = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    var up =
        f.gauge(
            "monitor_container_runtime_up",
            "Whether the container runtime answered in the last cycle.");
    for (ContainerRuntime r : runtimes) {
      try {
        current.addAll(r.containers());
        up.add(1, "runtime", r.name());
        health.answered(r.name());
      } catch (Exception e) {
        up.add(0, "runtime", r.name());
        failures.add(r.name() + ": " + Failures.summary(e));
        health.failed(r.name(), Failures.summary(e));
        current.addAll(tracker.lastKnown(r.name()));
      }
    }
    if (!failures.isEmpty() && failures.size() == runtimes.size()) {
      throw new IOException("no container runtime answered: " + String.join("; ", failures));
    }
    return current;
  }

  /**
   * The containers with their series labels, in label order: client_java sorts every family's
   * samples by labels, and a sorted input costs one comparison per sample instead of ~log2(n)
   * (ContainerMetrics keeps each container's own series in order too).
   */
  private List<Labelled> labelled(List<ContainerInfo> visible) {
    List<Map<String, String>> maps = new ArrayList<>(visible.size());
    for (ContainerInfo c : visible) {
      maps.add(ContainerLabels.of(c, config.labelAllowlist(), enrichers.labels(c)));
    }
    List<SeriesLabels> series = labelCache.cycle(visible, ContainerLabels.fill(maps));
    List<Labelled> ordered = new ArrayList<>(visible.size());
    for (int i = 0; i < visible.size(); i++) {
      ordered.add(new Labelled(visible.get(i), series.get(i)));
    }
    ordered.sort((a, b) -> a.labels().base().compareTo(b.labels().base()));
    return ordered;
  }

  private Optional<ContainerStats> readStats(
      ContainerStatsReader reader, ContainerInfo c, long nowMillis) {
    try {
      return statsCache.stats(reader, c, nowMillis);
    } catch (Exception e) {
      // A container that exits between listing and reading loses its cgroup: not an error.
      problems.failed("stats", c.key(), e);
      return Optional.empty();
    }
  }

  /** "ok", why runtime {@code name} did not answer in the last cycle, or empty before the first. */
  public String runtimeHealth(String name) {
    RuntimeHealth h = health;
    return h == null ? "" : h.health(name);
  }

  @Override
  public void stop() {
    if (tracker != null) {
      tracker.clear();
      statsCache.clear();
    }
  }
}
