package io.agentcollector.plugin.cpu;

import io.agentcollector.api.PluginConfig;

/** Settings of the cpu plugin. */
record CpuConfig(boolean guest, boolean extraMetrics) {

  static CpuConfig from(PluginConfig c) {
    return new CpuConfig(c.getBoolean("guest"), c.getBoolean("extra-metrics"));
  }
}
