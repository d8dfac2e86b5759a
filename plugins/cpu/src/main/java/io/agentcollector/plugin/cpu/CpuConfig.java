package io.agentcollector.plugin.cpu;

import io.agentcollector.api.PluginConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the cpu plugin (see cpu-defaults.conf), validated once at start.
 *
 * @param info node_cpu_info; also on when either include pattern is set, as in node_exporter
 */
record CpuConfig(
    boolean guest,
    boolean info,
    Optional<Pattern> infoFlagsInclude,
    Optional<Pattern> infoBugsInclude,
    boolean extraMetrics,
    boolean statSoftirq) {

  static CpuConfig from(PluginConfig c) {
    Optional<Pattern> flags = c.getPattern("info-flags-include");
    Optional<Pattern> bugs = c.getPattern("info-bugs-include");
    return new CpuConfig(
        c.getBoolean("guest"),
        c.getBoolean("info") || flags.isPresent() || bugs.isPresent(),
        flags,
        bugs,
        c.getBoolean("extra-metrics"),
        c.getBoolean("stat.softirq"));
  }
}
