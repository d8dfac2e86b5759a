package io.agentcollector.runtime.containers;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the built-in {@code containers} plugin ({@code plugins.containers}).
 *
 * @param retention how long a stopped container's state, exit code and OOM flag stay exposed
 * @param perCpu per-CPU usage series on cgroup v1 (cAdvisor standalone's default; kubelet's is off)
 * @param labelAllowlist container labels exposed as {@code container_label_<k>}
 * @param idleRefresh how long an idle container's last full reading may be kept (zero: never)
 */
record ContainersConfig(
    Duration retention, boolean perCpu, List<String> labelAllowlist, Duration idleRefresh) {

  static ContainersConfig from(PluginConfig c) {
    Duration retention = c.getDuration("retention");
    List<String> allow = c.getStringList("label-allowlist");
    for (String k : allow) {
      if (k.isBlank()) {
        throw new InvalidConfigException(c.key("label-allowlist"), allow, "non-empty label keys");
      }
    }
    return new ContainersConfig(
        retention, c.getBoolean("per-cpu"), allow, c.getDuration("idle-refresh"));
  }
}
