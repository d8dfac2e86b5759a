package io.agentcollector.runtime.http;

import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorState;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The landing page and readiness, from the collectors' current state. */
public final class StatusPage {

  private final BuildInfo build;
  private final List<CollectorRunner> runners;
  private final Map<String, String> pluginVersions;
  private final Map<Path, String> loadFailures;

  public StatusPage(
      BuildInfo build,
      List<CollectorRunner> runners,
      Map<String, String> pluginVersions,
      Map<Path, String> loadFailures) {
    this.build = build;
    this.runners = List.copyOf(runners);
    this.pluginVersions = Map.copyOf(pluginVersions);
    this.loadFailures = Map.copyOf(loadFailures);
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

  String html() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>agent-collector</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 10px;text-align:left}")
        .append(".OK{color:#080}.FAILING,.DISABLED{color:#c00}.PENDING{color:#888}</style></head><body>")
        .append("<h1>agent-collector</h1><p>")
        .append(esc(build.toString()))
        .append("</p><p><a href=\"/metrics\">Metrics</a> · <a href=\"/-/healthy\">Health</a> · ")
        .append("<a href=\"/-/ready\">Readiness</a></p><h2>Collectors</h2><table><tr><th>plugin</th>")
        .append("<th>version</th><th>collector</th><th>interval</th><th>state</th><th>series</th>")
        .append("<th>errors</th><th>last error</th></tr>");
    for (CollectorRunner r : runners) {
      sb.append("<tr><td>").append(esc(r.plugin()))
          .append("</td><td>").append(esc(pluginVersions.getOrDefault(r.plugin(), "")))
          .append("</td><td>").append(esc(r.collector().name()))
          .append("</td><td>").append(r.interval().toMillis() / 1000.0).append("s")
          .append("</td><td class=\"").append(r.state()).append("\">").append(r.state())
          .append("</td><td>").append(r.series())
          .append("</td><td>").append(r.errors())
          .append("</td><td>").append(r.state() == CollectorState.OK ? "" : esc(r.lastError()))
          .append("</td></tr>");
    }
    sb.append("</table>");
    if (!loadFailures.isEmpty()) {
      sb.append("<h2>Plugins not loaded</h2><table><tr><th>file</th><th>reason</th></tr>");
      loadFailures.forEach(
          (file, why) ->
              sb.append("<tr><td>").append(esc(file.toString())).append("</td><td>")
                  .append(esc(why)).append("</td></tr>"));
      sb.append("</table>");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
