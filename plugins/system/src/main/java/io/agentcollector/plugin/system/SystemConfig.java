package io.agentcollector.plugin.system;

import io.agentcollector.api.PluginConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the system plugin.
 *
 * @param vmstatFields {@code vmstat.fields}, like {@code --collector.vmstat.fields}; empty = all
 * @param netstatFields {@code netstat.fields}, like {@code --collector.netstat.fields}; empty = all
 */
record SystemConfig(Optional<Pattern> vmstatFields, Optional<Pattern> netstatFields) {

  static SystemConfig from(PluginConfig c) {
    return new SystemConfig(c.getPattern("vmstat.fields"), c.getPattern("netstat.fields"));
  }

  /** Go's MatchString: unanchored, and an empty expression matches everything. */
  static boolean matches(Optional<Pattern> pattern, String name) {
    return pattern.map(p -> p.matcher(name).find()).orElse(true);
  }
}
