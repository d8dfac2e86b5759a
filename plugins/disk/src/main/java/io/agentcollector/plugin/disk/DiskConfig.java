package io.agentcollector.plugin.disk;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the disk plugin (keys in {@code disk-defaults.conf}), validated once at start.
 *
 * @param deviceExclude diskstats devices to drop; empty when {@code deviceInclude} is set
 * @param deviceInclude diskstats devices to keep, if set
 */
record DiskConfig(
    Optional<Pattern> deviceExclude,
    Optional<Pattern> deviceInclude,
    Optional<Pattern> mountPointsExclude,
    Optional<Pattern> fsTypesExclude,
    Duration mountTimeout,
    boolean extraMetrics) {

  static DiskConfig from(PluginConfig config) {
    Optional<Pattern> include = config.getPattern("device-include");
    Optional<Pattern> exclude = config.getPattern("device-exclude");
    Duration timeout = config.getDuration("mount-timeout");
    if (timeout.isZero()) {
      throw new InvalidConfigException(config.key("mount-timeout"), "0", "a duration above zero");
    }
    return new DiskConfig(
        include.isPresent() ? Optional.empty() : exclude,
        include,
        config.getPattern("mount-points-exclude"),
        config.getPattern("fs-types-exclude"),
        timeout,
        config.getBoolean("extra-metrics"));
  }

  /** Whether diskstats skips {@code device}, as node_exporter's deviceFilter.ignored. */
  boolean ignoresDevice(String device) {
    return deviceExclude.isPresent() && deviceExclude.get().matcher(device).find()
        || deviceInclude.isPresent() && !deviceInclude.get().matcher(device).find();
  }

  /** Whether the filesystem collector skips a mount. */
  boolean ignoresMount(String mountPoint, String fsType) {
    return mountPointsExclude.isPresent() && mountPointsExclude.get().matcher(mountPoint).find()
        || fsTypesExclude.isPresent() && fsTypesExclude.get().matcher(fsType).find();
  }
}
