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

  /**
   * Most field names a collector keeps its filter decision for; far above what a kernel writes
   * (vmstat has about 200, netstat, snmp and snmp6 together about 400).
   */
  static final int MAX_NAMES = 4096;

  static SystemConfig from(PluginConfig c) {
    return new SystemConfig(c.getPattern("vmstat.fields"), c.getPattern("netstat.fields"));
  }

  /** Go's MatchString: unanchored, and an empty expression matches everything. */
  static boolean matches(Optional<Pattern> pattern, String name) {
    return pattern.map(p -> p.matcher(name).find()).orElse(true);
  }
}
