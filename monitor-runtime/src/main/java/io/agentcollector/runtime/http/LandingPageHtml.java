package io.agentcollector.runtime.http;

import io.agentcollector.runtime.config.Durations;
import io.agentcollector.runtime.config.LandingPageMode;
import io.agentcollector.runtime.http.StatusPage.Context;
import io.agentcollector.runtime.http.StatusPage.PluginInfo;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders the landing page: plain HTML and a little inline CSS, no script, nothing fetched from
 * elsewhere. Paths and raw error text only in {@link LandingPageMode#DETAILED}.
 */
final class LandingPageHtml {

  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:1.5em 2em;color:#222;max-width:80em}"
          + "h1{margin-bottom:0}h2{margin-top:1.5em;font-size:1.2em}.sub{color:#666;margin-top:.2em}"
          + "nav{margin:1em 0}nav a{margin-right:1.2em}table{border-collapse:collapse}"
          + "td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}"
          + "table.list th{border-bottom:2px solid #ccc}table.list td{border-bottom:1px solid #eee}"
          + "table.facts th{font-weight:normal;color:#666}td.num{text-align:right}"
          + ".OK,.ok{color:#080}.FAILING,.DISABLED,.bad{color:#c00}.PENDING,.off{color:#888}"
          + ".err{font-size:.9em;color:#a00;max-width:40em}code{font-size:.95em}footer{margin-top:2em;color:#666}";

  /** Plugin states that are normal, not a fault: shown grey, not red. */
  private static final Pattern QUIET = Pattern.compile("disabled|inactive|waiting|idle|connecting");

  private final Context ctx;
  private final List<CollectorRunner> runners;
  private final boolean detailed;
  private final Map<String, String> versions = new TreeMap<>();
  private final StringBuilder sb = new StringBuilder(8192);

  LandingPageHtml(Context ctx, List<CollectorRunner> runners) {
    this.ctx = ctx;
    this.runners = runners;
    this.detailed = ctx.mode() == LandingPageMode.DETAILED;
    ctx.plugins().forEach(p -> versions.put(p.id(), p.version()));
  }

  String render() {
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>agent-collector</title><style>")
        .append(CSS)
        .append("</style></head><body>")
        .append(
            "<h1>agent-collector</h1><p class=\"sub\">Host and container metrics for Prometheus</p>")
        .append("<nav><a href=\"/metrics\">Metrics</a><a href=\"/-/ready\">Readiness</a>")
        .append("<a href=\"/-/healthy\">Health</a></nav>");
    facts();
    plugins();
    collectors();
    loadFailures();
    sb.append(
            "<h2>Documentation</h2><p><code>README.md</code> in the install directory: configuration, ")
        .append(
            "plugins, metrics. <code>docs/landing-page.md</code> in the source repository: this page ")
        .append("and <code>web.landing-page</code>.</p>")
        .append("<footer>web.landing-page = \"")
        .append(ctx.mode().configValue())
        .append("\"")
        .append(detailed ? ": paths and full errors shown." : ": no paths, errors shortened.")
        .append("</footer></body></html>\n");
    return sb.toString();
  }

  private void facts() {
    Instant now = ctx.clock().instant();
    sb.append("<table class=\"facts\">");
    fact("Version", ctx.build().toString());
    if (!ctx.listenUrl().isEmpty()) {
      fact("Listening on", ctx.listenUrl());
    }
    if (detailed) {
      fact(
          "Config file",
          ctx.configFile() == null ? "none (defaults)" : ctx.configFile().toString());
    }
    fact(
        "Up",
        Durations.age(Duration.between(ctx.started(), now))
            + " (since "
            + ctx.started().truncatedTo(ChronoUnit.SECONDS)
            + ")");
    List<String> waiting =
        runners.stream().filter(r -> !r.finishedOnce()).map(CollectorRunner::id).toList();
    fact("Ready", waiting.isEmpty() ? "yes" : "no, waiting for " + String.join(", ", waiting));
    sb.append("</table>");
  }

  private void fact(String name, String value) {
    sb.append("<tr><th>").append(name).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  private void plugins() {
    sb.append("<h2>Plugins (")
        .append(ctx.plugins().size())
        .append(")</h2><table class=\"list\" id=\"plugins\">")
        .append("<tr><th>plugin</th><th>version</th><th>role</th><th>state</th><th>collectors</th>")
        .append(detailed ? "<th>file</th>" : "")
        .append("</tr>");
    for (PluginInfo p : ctx.plugins()) {
      String health = p.health().get();
      List<CollectorRunner> own = runners.stream().filter(r -> r.plugin().equals(p.id())).toList();
      long ok = own.stream().filter(r -> r.state() == CollectorState.OK).count();
      String state = !health.isEmpty() ? health : "enabled";
      String css =
          state.equals("ok") || state.equals("enabled")
              ? "ok"
              : QUIET.matcher(state).lookingAt() ? "off" : "bad";
      sb.append("<tr><td>")
          .append(esc(p.id()))
          .append("</td><td>")
          .append(esc(p.version()))
          .append("</td><td>")
          .append(esc(p.role()))
          .append("</td><td class=\"")
          .append(css)
          .append("\">")
          .append(esc(error(state)))
          .append("</td><td>")
          .append(own.isEmpty() ? "" : own.size() + " (" + ok + " ok)")
          .append("</td>");
      if (detailed) {
        sb.append("<td>")
            .append(p.file() == null ? "built in" : esc(p.file().toString()))
            .append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</table>");
  }

  private void collectors() {
    long now = ctx.clock().millis();
    sb.append("<h2>Collectors (")
        .append(runners.size())
        .append(")</h2><table class=\"list\" id=\"collectors\">")
        .append(
            "<tr><th>plugin</th><th>collector</th><th>version</th><th>state</th><th>interval</th>")
        .append("<th>last success</th><th>series</th><th>errors</th><th>last error</th></tr>");
    for (CollectorRunner r : runners) {
      long last = r.lastSuccessMillis();
      String age =
          last < 0 ? "never" : Durations.age(Duration.ofMillis(Math.max(0, now - last))) + " ago";
      sb.append("<tr><td>")
          .append(esc(r.plugin()))
          .append("</td><td>")
          .append(esc(r.collector().name()))
          .append("</td><td>")
          .append(esc(versions.getOrDefault(r.plugin(), ctx.build().version())))
          .append("</td><td class=\"")
          .append(r.state())
          .append("\">")
          .append(r.state())
          .append("</td><td>")
          .append(Durations.format(r.interval()))
          .append("</td><td>")
          .append(age)
          .append("</td><td class=\"num\">")
          .append(r.series())
          .append("</td><td class=\"num\">")
          .append(r.errors())
          .append("</td><td class=\"err\">")
          .append(r.state() == CollectorState.OK ? "" : esc(error(r.lastError())))
          .append("</td></tr>");
    }
    sb.append("</table>");
  }

  private void loadFailures() {
    if (ctx.loadFailures().isEmpty()) {
      return;
    }
    sb.append(
        "<h2>Plugins not loaded</h2><table class=\"list\" id=\"not-loaded\"><tr><th>file</th><th>reason</th></tr>");
    new TreeMap<>(ctx.loadFailures())
        .forEach(
            (file, why) -> {
              Path name = file.getFileName();
              String shown = detailed || name == null ? file.toString() : name.toString();
              sb.append("<tr><td>")
                  .append(esc(shown))
                  .append("</td><td class=\"err\">")
                  .append(esc(error(why)))
                  .append("</td></tr>");
            });
    sb.append("</table>");
  }

  private String error(String message) {
    return detailed ? message : ErrorText.sanitize(message);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
