package io.agentcollector.runtime;

import io.agentcollector.api.Threads;
import io.agentcollector.api.Collector;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.Durations;
import io.agentcollector.runtime.config.PluginSettings;
import io.agentcollector.runtime.containers.ContainerCollector;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.plugins.PluginCatalog.LoadedPlugin;
import io.agentcollector.api.Failures;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorSpec;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.RunnerServices;
import io.agentcollector.runtime.schedule.SeriesBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enabled collectors, started: each gets its context and its {@code start()} runs (in
 * parallel, bounded in time). A bad setting stops everything with a {@link ConfigError}; any other
 * start failure disables just that collector. Container runtimes, cgroup readers and enrichers
 * of enabled plugins are started the same way and feed the built-in {@code containers} collector.
 */
final class CollectorSet implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CollectorSet.class);

  private final List<CollectorRunner> runners;
  private final List<Runnable> stoppers;
  /** Container parts ({@code plugin/name}) whose start failed, with the reason. */
  private final Map<String, String> partFailures;

  private CollectorSet(List<CollectorRunner> runners, List<Runnable> stoppers, Map<String, String> partFailures) {
    this.runners = runners;
    this.stoppers = stoppers;
    this.partFailures = Map.copyOf(partFailures);
  }

  private CollectorSet(List<CollectorRunner> runners, List<Runnable> stoppers) {
    this(runners, stoppers, Map.of());
  }

  /** One start() to run, and what to do when it fails for a reason other than configuration. */
  private record Start(String what, Duration limit, Callable<Void> call, Consumer<String> onFailure) {}

  static CollectorSet start(
      AgentConfig config,
      PluginCatalog catalog,
      Clock clock,
      FamilyOwners owners,
      LabelInjector injector,
      Predicate<String> pluginFilter) {
    List<CollectorRunner> runners = new ArrayList<>();
    List<Runnable> stoppers = new ArrayList<>();
    List<Start> starts = new ArrayList<>();
    List<ContainerRuntime> runtimes = new ArrayList<>();
    List<ContainerStatsReader> readers = new ArrayList<>();
    List<ContainerEnricher> enrichers = new ArrayList<>();
    Map<String, String> partFailures = new ConcurrentHashMap<>();
    Duration startLimit = config.plugin("defaults").timeout().plusSeconds(10);

    for (LoadedPlugin plugin : catalog.list()) {
      if (!pluginFilter.test(plugin.id())) {
        continue;
      }
      PluginSettings settings = config.plugin(plugin.id());
      Set<String> names = new HashSet<>();
      for (Collector c : plugin.collectors()) {
        if (!settings.collectorEnabled(c.name(), c.enabledByDefault())) {
          continue;
        }
        SeriesBudget budget = settings.budget();
        CollectorRunner runner = new CollectorRunner(
            new CollectorSpec(plugin.id(), c, settings.interval(), settings.timeout(), budget),
            new RunnerServices(clock, injector, owners));
        runners.add(runner);
        stoppers.add(c::stop);
        if (!names.add(c.name())) {
          runner.disable("plugin " + plugin.id() + " has two collectors named " + c.name());
          continue;
        }
        RuntimeContext ctx = new RuntimeContext(plugin.id(), settings.section(), config.hostLabel(), config.hostPaths(),
            clock, c.name(), budget, owners);
        starts.add(new Start(runner.id(), startLimit, () -> {
          c.start(ctx);
          return null;
        }, why -> runner.disable("start failed: " + why)));
      }
      var parts = plugin.containerParts();
      parts.runtimes().forEach(r -> starts.add(part(config, plugin.id(), settings, clock, r.name(), startLimit,
          ctx -> r.start(ctx), () -> runtimes.add(r), stoppers, partFailures, r::stop)));
      parts.readers().forEach(r -> starts.add(part(config, plugin.id(), settings, clock, r.name(), startLimit,
          ctx -> r.start(ctx), () -> readers.add(r), stoppers, partFailures, r::stop)));
      parts.enrichers().forEach(e -> starts.add(part(config, plugin.id(), settings, clock, e.name(), startLimit,
          ctx -> e.start(ctx), () -> enrichers.add(e), stoppers, partFailures, e::stop)));
    }
    try {
      runAll(starts);
    } catch (ConfigError e) {
      new CollectorSet(runners, stoppers).close();
      throw e;
    }

    String containers = PluginCatalog.CONTAINERS;
    if (!runtimes.isEmpty() && pluginFilter.test(containers)) {
      PluginSettings settings = config.plugin(containers);
      ContainerCollector c = new ContainerCollector(runtimes, readers, enrichers, injector.labels());
      SeriesBudget budget = settings.budget();
      CollectorRunner runner = new CollectorRunner(
          new CollectorSpec(containers, c, settings.interval(), settings.timeout(), budget),
          new RunnerServices(clock, injector, owners));
      try {
        c.start(new RuntimeContext(containers, settings.section(), config.hostLabel(), config.hostPaths(), clock, c.name(),
            budget, owners));
        runners.add(runner);
        stoppers.add(c::stop);
      } catch (InvalidConfigException e) {
        new CollectorSet(runners, stoppers).close();
        throw new ConfigError(e.getMessage());
      }
    }
    return new CollectorSet(runners, stoppers, partFailures);
  }

  private interface StartCall {
    void start(RuntimeContext ctx) throws Exception;
  }

  /** A container part (runtime, reader, enricher): joins its list only if its start succeeds. */
  private static Start part(AgentConfig config, String plugin, PluginSettings settings, Clock clock, String name,
      Duration limit, StartCall call, Runnable onSuccess, List<Runnable> stoppers, Map<String, String> failures,
      Runnable stop) {
    RuntimeContext ctx = context(config, plugin, settings, clock, name);
    return new Start(plugin + "/" + name, limit, () -> {
      call.start(ctx);
      synchronized (stoppers) {
        onSuccess.run();
        stoppers.add(stop);
      }
      return null;
    }, why -> {
      failures.put(plugin + "/" + name, "start failed: " + why);
      log.error("container source {}/{} disabled: start failed: {}", plugin, name, why);
    });
  }

  /** A container part's context: its results reach the series budget through the containers collector's. */
  private static RuntimeContext context(AgentConfig config, String plugin, PluginSettings settings, Clock clock, String name) {
    return new RuntimeContext(plugin, settings.section(), config.hostLabel(), config.hostPaths(), clock, name,
        SeriesBudget.unlimited(), new FamilyOwners());
  }

  private static void runAll(List<Start> starts) {
    ExecutorService starter = Executors.newCachedThreadPool(Threads.daemon("collector-start"));
    try {
      Map<Start, Future<Void>> futures = new LinkedHashMap<>();
      starts.forEach(s -> futures.put(s, starter.submit(s.call())));
      for (var e : futures.entrySet()) {
        await(e.getKey(), e.getValue());
      }
    } finally {
      starter.shutdownNow();
    }
  }

  private static void await(Start start, Future<Void> future) {
    try {
      future.get(start.limit().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      start.onFailure().accept("start() did not return within " + Durations.format(start.limit()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      start.onFailure().accept("interrupted while starting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InvalidConfigException bad) {
        throw new ConfigError(bad.getMessage());
      }
      start.onFailure().accept(Failures.summary(e.getCause()));
    }
  }

  /** The {@code host} label and the static labels, added to every sample. */
  static LabelInjector labelsOf(AgentConfig config) {
    Map<String, String> labels = new LinkedHashMap<>(config.staticLabels());
    config.hostLabel().ifPresent(h -> labels.put("host", h));
    return new LabelInjector(labels);
  }

  List<CollectorRunner> runners() {
    return runners;
  }

  /** Why the container part {@code plugin/name} did not start; empty if it started or was not tried. */
  String partFailure(String plugin, String name) {
    return partFailures.getOrDefault(plugin + "/" + name, "");
  }

  @Override
  public void close() {
    for (Runnable stop : stoppers) {
      try {
        stop.run();
      } catch (RuntimeException | LinkageError e) {
        // Shutting down: a part that cannot stop cleanly has nothing left to break.
      }
    }
  }
}
