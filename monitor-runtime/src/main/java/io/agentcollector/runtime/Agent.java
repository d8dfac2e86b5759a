package io.agentcollector.runtime;

import io.agentcollector.api.HostPaths;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.http.HttpEndpoint;
import io.agentcollector.runtime.http.StatusPage;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.Scheduler;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.agentcollector.runtime.selfmetrics.SelfMetrics;
import io.agentcollector.runtime.selfmetrics.VirtualMemoryMax;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: started collectors, their scheduler and the HTTP endpoint. Start order
 * validates first (collectors parse their settings in start) and serves last.
 */
public final class Agent implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final PluginCatalog catalog;
  private final CollectorSet collectors;
  private final Scheduler scheduler;
  private final HttpEndpoint http;

  private Agent(
      PluginCatalog catalog, CollectorSet collectors, Scheduler scheduler, HttpEndpoint http) {
    this.catalog = catalog;
    this.collectors = collectors;
    this.scheduler = scheduler;
    this.http = http;
  }

  /**
   * @param configFile the file the config was read from (for the start line and the landing page),
   *     or null
   */
  public static Agent start(
      AgentConfig config, PluginCatalog catalog, Clock clock, Path configFile) {
    Instant started = clock.instant();
    trustKernelFilesystems(config.hostPaths());
    // A bad web config file fails before any collector starts (HttpEndpoint reads it again).
    HttpEndpoint.loadWebConfig(config.webConfigFile().orElse(null));
    FamilyOwners owners = new FamilyOwners();
    BuildInfo build = BuildInfo.get();
    PrometheusRegistry jvm = jvmMetrics(config);
    LabelInjector labels = CollectorSet.labelsOf(config);
    CollectorSet collectors =
        CollectorSet.start(
            config, catalog, clock, owners, labels, id -> config.plugin(id).enabled());
    List<CollectorRunner> runners = collectors.runners();
    Scheduler scheduler = new Scheduler(config.schedulerThreads());
    SelfMetrics self =
        new SelfMetrics(
            runners, build, versions(catalog), catalog.failures().size(), scheduler.workers());
    ServedMetrics metrics = new ServedMetrics(runners, self, labels, jvm);
    metrics.reserveNames(owners);
    HttpEndpoint http;
    try {
      String url = url(config.listenAddress(), config.listenAddress().port());
      StatusPage.Context page =
          new StatusPage.Context(
              build,
              config.landingPage(),
              url,
              configFile,
              clock,
              started,
              PluginStatuses.of(config, catalog, collectors, build.version()),
              catalog.failures());
      http = serve(config, metrics, new StatusPage(page, runners));
    } catch (RuntimeException e) {
      scheduler.close();
      collectors.close();
      throw e;
    }
    scheduler.start(runners);
    String listening = url(config.listenAddress(), http.port());
    logStarted(config, catalog, runners, build, listening, configFile);
    return new Agent(catalog, collectors, scheduler, http);
  }

  /** A registry of JVM and process metrics, or null when they are switched off. */
  private static PrometheusRegistry jvmMetrics(AgentConfig config) {
    if (!config.jvmMetrics()) {
      return null;
    }
    PrometheusRegistry jvm = new PrometheusRegistry();
    JvmMetrics.builder().register(jvm);
    VirtualMemoryMax.register(jvm, Path.of("/proc/self/limits"));
    return jvm;
  }

  private static HttpEndpoint serve(AgentConfig config, ServedMetrics metrics, StatusPage page) {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(metrics);
    return HttpEndpoint.start(
        new HttpEndpoint.Settings(
            config.listenAddress(),
            config.maxRequests(),
            config.maxConnections(),
            config.webConfigFile().orElse(null)),
        registry,
        metrics::version,
        page);
  }

  private static void logStarted(
      AgentConfig config,
      PluginCatalog catalog,
      List<CollectorRunner> runners,
      BuildInfo build,
      String url,
      Path configFile) {
    // Plugins without a collector of their own (docker, cgroup readers) count too; so does the
    // built-in containers plugin when it runs.
    long enabled =
        catalog.list().stream().filter(p -> config.plugin(p.id()).enabled()).count()
            + runners.stream()
                .filter(r -> r.plugin().equals(PluginCatalog.CONTAINERS))
                .limit(1)
                .count();
    log.info(
        "agent-collector {} listening on {} ({} collectors in {} plugins, config {})",
        build.version(),
        url,
        runners.size(),
        enabled,
        configFile == null ? "none" : configFile);
  }

  /** {@code http://host:port/}; every interface shown as 0.0.0.0, an IPv6 host in brackets. */
  static String url(ListenAddress address, int port) {
    String host = address.host().isEmpty() ? "0.0.0.0" : address.host();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
  }

  /** procfs, sysfs and cgroupfs hold no FIFOs: their files are read without a stat each. */
  private static void trustKernelFilesystems(HostPaths paths) {
    for (Path root : List.of(paths.proc(), paths.sys(), paths.cgroup())) {
      boolean trusted = KernelFiles.trustIfKernelFilesystem(root);
      log.debug(
          "{}: {}",
          root,
          trusted ? "a kernel filesystem" : "not a kernel filesystem, each file is checked");
    }
  }

  static Map<String, String> versions(PluginCatalog catalog) {
    Map<String, String> out = new TreeMap<>();
    catalog.list().forEach(p -> out.put(p.id(), p.version()));
    return out;
  }

  /** Stops serving, then collecting, then the plugins. */
  @Override
  public void close() {
    http.close();
    scheduler.close();
    collectors.close();
    catalog.close();
    log.info("stopped");
  }
}
