package io.agentcollector.runtime;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.Failures;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.Threads;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.Durations;
import io.agentcollector.runtime.config.PluginSettings;
import io.agentcollector.runtime.containers.ContainerCollector;
import io.agentcollector.runtime.plugins.CollectorType;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.plugins.PluginCatalog.LoadedPlugin;
import io.agentcollector.runtime.plugins.PluginExtension;
import io.agentcollector.runtime.plugins.PluginExtension.OldStart;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link CollectorSet#start} creates: a runner per enabled collector, and one start per
 * collector and container part, run in parallel, each bounded in time. A start creates the
 * extension with its context ({@link PluginExtension}); what it throws is handled the same whether
 * the constructor or the old {@code start} threw it.
 */
final class CollectorStarter {

  // CollectorSet's name, as the log lines always had.
  private static final Logger log = LoggerFactory.getLogger(CollectorSet.class);

  /** One start to run, and what to do when it fails for a reason other than configuration. */
  private record Start(
      String what, Duration limit, Callable<Void> call, Consumer<String> onFailure) {}

  /** One kind of container part: how the old form starts, how it stops, and those started. */
  private record PartKind<T>(OldStart<T> start, Consumer<T> stop, List<T> started) {}

  private final AgentConfig config;
  private final Clock clock;
  private final FamilyOwners owners;
  private final LabelInjector injector;
  private final Duration startLimit;
  private final List<Start> starts = new ArrayList<>();
  final List<CollectorRunner> runners = new ArrayList<>();

  /** Also the lock of everything a start fills from its own thread. */
  final List<Runnable> stoppers = new ArrayList<>();

  /** Container parts ({@code plugin/name}) whose start failed, with the reason. */
  final Map<String, String> partFailures = new ConcurrentHashMap<>();

  /** Container parts ({@code plugin/name}) that started. */
  final Map<String, Object> parts = new LinkedHashMap<>();

  private final PartKind<ContainerRuntime> runtimes =
      new PartKind<>(ContainerRuntime::start, ContainerRuntime::stop, new ArrayList<>());
  private final PartKind<ContainerStatsReader> readers =
      new PartKind<>(ContainerStatsReader::start, ContainerStatsReader::stop, new ArrayList<>());
  private final PartKind<ContainerEnricher> enrichers =
      new PartKind<>(ContainerEnricher::start, ContainerEnricher::stop, new ArrayList<>());

  CollectorStarter(AgentConfig config, Clock clock, FamilyOwners owners, LabelInjector injector) {
    this.config = config;
    this.clock = clock;
    this.owners = owners;
    this.injector = injector;
    this.startLimit = config.plugin("defaults").timeout().plusSeconds(10);
  }

  /** The plugin's enabled collectors and its container parts. */
  void add(LoadedPlugin plugin) {
    PluginSettings settings = config.plugin(plugin.id());
    Set<String> names = new HashSet<>();
    for (CollectorType type : plugin.collectors()) {
      if (settings.collectorEnabled(type.name(), type.enabledByDefault())) {
        collector(plugin.id(), settings, type, names.add(type.name()));
      }
    }
    var kinds = plugin.containerParts();
    kinds.runtimes().forEach(r -> part(plugin.id(), settings, r, runtimes));
    kinds.readers().forEach(r -> part(plugin.id(), settings, r, readers));
    kinds.enrichers().forEach(e -> part(plugin.id(), settings, e, enrichers));
  }

  private void collector(
      String plugin, PluginSettings settings, CollectorType type, boolean unique) {
    PluginCollector c = new PluginCollector(type);
    SeriesBudget budget = settings.budget();
    CollectorRunner runner =
        new CollectorRunner(
            new CollectorSpec(plugin, c, settings.interval(), settings.timeout(), budget),
            new RunnerServices(clock, injector, owners));
    runners.add(runner);
    stoppers.add(c::stop);
    if (!unique) {
      runner.disable("plugin " + plugin + " has two collectors named " + type.name());
      return;
    }
    RuntimeContext ctx =
        new RuntimeContext(
            plugin,
            settings.section(),
            config.hostLabel(),
            config.hostPaths(),
            clock,
            type.name(),
            budget,
            owners);
    starts.add(
        new Start(
            runner.id(),
            startLimit,
            () -> {
              c.created(
                  type.extension()
                      .create(
                          ctx,
                          (old, context) -> {
                            c.created(old); // stopped at close even if its start fails, as before
                            startOldForm(old, context);
                          }));
              return null;
            },
            why -> runner.disable("start failed: " + why)));
  }

  @SuppressWarnings("deprecation") // the start of collectors written for API 0.1.0
  private static void startOldForm(Collector c, CollectorContext ctx) throws Exception {
    c.start(ctx);
  }

  /** A container part: joins its kind's list only if its start succeeds. */
  private <T> void part(
      String plugin, PluginSettings settings, PluginExtension<T> part, PartKind<T> kind) {
    String key = plugin + "/" + part.name();
    // Its results reach the series budget through the containers collector's.
    RuntimeContext ctx =
        new RuntimeContext(
            plugin,
            settings.section(),
            config.hostLabel(),
            config.hostPaths(),
            clock,
            part.name(),
            SeriesBudget.unlimited(),
            new FamilyOwners());
    starts.add(
        new Start(
            key,
            startLimit,
            () -> {
              T started = part.create(ctx, kind.start());
              synchronized (stoppers) {
                kind.started().add(started);
                parts.put(key, started);
                stoppers.add(() -> kind.stop().accept(started));
              }
              return null;
            },
            why -> {
              partFailures.put(key, "start failed: " + why);
              log.error("container source {} disabled: start failed: {}", key, why);
            }));
  }

  /** The built-in containers collector, if a container runtime started. */
  void containers() {
    List<ContainerRuntime> started;
    List<ContainerStatsReader> cgroups;
    List<ContainerEnricher> enriching;
    synchronized (stoppers) {
      // Copies: a part whose start timed out was reported disabled and must not join later.
      started = List.copyOf(runtimes.started());
      cgroups = List.copyOf(readers.started());
      enriching = List.copyOf(enrichers.started());
    }
    if (started.isEmpty()) {
      return;
    }
    String containers = PluginCatalog.CONTAINERS;
    PluginSettings settings = config.plugin(containers);
    ContainerCollector c = new ContainerCollector(started, cgroups, enriching, injector.labels());
    SeriesBudget budget = settings.budget();
    CollectorRunner runner =
        new CollectorRunner(
            new CollectorSpec(containers, c, settings.interval(), settings.timeout(), budget),
            new RunnerServices(clock, injector, owners));
    try {
      c.start(
          new RuntimeContext(
              containers,
              settings.section(),
              config.hostLabel(),
              config.hostPaths(),
              clock,
              c.name(),
              budget,
              owners));
      runners.add(runner);
      stoppers.add(c::stop);
    } catch (InvalidConfigException e) {
      throw new ConfigError(e.getMessage());
    }
  }

  /** Runs every start; a bad setting in any of them is a {@link ConfigError}. */
  void runAll() {
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
}
