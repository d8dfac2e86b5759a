package io.agentcollector.runtime.http;

import io.agentcollector.runtime.config.LandingPageMode;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The landing page and readiness, from the collectors' current state. */
public final class StatusPage {

  /**
   * One installed plugin as the page shows it.
   *
   * @param role what it contributes: {@code collectors}, {@code container runtime}, {@code cgroup
   *     reader}, {@code enricher}, {@code container metrics (built-in)}
   * @param file its jar or directory; shown only when detailed
   * @param health its own state now: {@code disabled}, {@code ok}, why not; "" when it has only
   *     collectors (their rows tell)
   */
  public record PluginInfo(
      String id, String version, String role, Path file, Supplier<String> health) {}

  /**
   * Everything besides the collectors.
   *
   * @param listenUrl where the agent serves, e.g. {@code http://0.0.0.0:9100/}
   * @param configFile the config file read, or null when there was none
   */
  public record Context(
      BuildInfo build,
      LandingPageMode mode,
      String listenUrl,
      Path configFile,
      Clock clock,
      Instant started,
      List<PluginInfo> plugins,
      Map<Path, String> loadFailures) {
    public Context {
      plugins = plugins.stream().sorted(Comparator.comparing(PluginInfo::id)).toList();
      loadFailures = Map.copyOf(loadFailures);
    }
  }

  private final Context context;
  private final List<CollectorRunner> runners;

  public StatusPage(Context context, List<CollectorRunner> runners) {
    this.context = context;
    this.runners =
        runners.stream()
            .sorted(
                Comparator.comparing(CollectorRunner::plugin)
                    .thenComparing(r -> r.collector().name()))
            .toList();
  }

  /** The plugins as their versions tell them, summary mode: for callers that know no more. */
  public StatusPage(
      BuildInfo build,
      List<CollectorRunner> runners,
      Map<String, String> pluginVersions,
      Map<Path, String> loadFailures) {
    this(
        new Context(
            build,
            LandingPageMode.SUMMARY,
            "",
            null,
            Clock.systemUTC(),
            Instant.now(),
            pluginVersions.entrySet().stream()
                .map(e -> new PluginInfo(e.getKey(), e.getValue(), "collectors", null, () -> ""))
                .toList(),
            loadFailures),
        runners);
  }

  /** Collectors that have not finished a cycle yet; empty when ready. */
  public List<String> notReady() {
    List<String> out = new ArrayList<>();
    for (CollectorRunner r : runners) {
      if (!r.finishedOnce()) {
        out.add(r.id());
      }
    }
    return out;
  }

  /** The page at {@code /}, as {@code web.landing-page} allows. */
  public String html() {
    if (context.mode() == LandingPageMode.OFF) {
      return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>agent-collector</title></head>"
          + "<body><p>agent-collector: metrics at <a href=\"/metrics\">/metrics</a></p></body></html>\n";
    }
    return new LandingPageHtml(context, runners).render();
  }
}
