package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcFilesystems;
import io.agentcollector.kernel.proc.ProcMountinfo;
import io.agentcollector.kernel.proc.ProcPidAttrCurrent;
import io.agentcollector.kernel.rootfs.EtcSelinuxConfig;
import io.agentcollector.kernel.sys.SysFsSelinuxEnforce;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's selinux collector: {@code node_selinux_enabled} (0 or 1) and, when enabled,
 * {@code node_selinux_config_mode} (the mode of {@code /etc/selinux/config}) and {@code
 * node_selinux_current_mode} (the selinuxfs {@code enforce} file), 1 enforcing, 0 permissive, -1
 * disabled or unknown. SELinux is enabled when a SELinux file system is mounted and the agent's own
 * context is not {@code kernel} (no policy loaded yet), decided once at start as go-selinux
 * (node_exporter's library) decides it once per process. The mount is {@code /sys/fs/selinux}, else
 * a {@code selinuxfs} mount of {@code /proc/self/mountinfo} when {@code /proc/filesystems} lists
 * the type. Golden file: src/test/golden/selinux.prom.
 */
@Extension
@CollectorInfo(name = "selinux", nodeExporter = true)
public final class SelinuxCollector implements Collector {

  private static final String SELINUXFS = "selinuxfs";

  private final HostPaths paths;
  private final Optional<Path> selinuxfs;

  public SelinuxCollector(CollectorContext context) throws IOException {
    paths = context.hostPaths();
    Logger log = context.logger();
    Optional<Path> mount = findSelinuxfs();
    String label = mount.isEmpty() ? "" : currentContext();
    selinuxfs = label.equals("kernel") ? Optional.empty() : mount;
    log.debug("SELinux file system: {}, context \"{}\"", mount, label);
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    f.gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false")
        .add(selinuxfs.isPresent() ? 1 : 0);
    if (selinuxfs.isPresent()) {
      f.gauge("node_selinux_config_mode", "Configured SELinux enforcement mode").add(configMode());
      f.gauge("node_selinux_current_mode", "Current SELinux enforcement mode").add(currentMode());
    }
    return f.build();
  }

  /** go-selinux's DefaultEnforceMode: 1 enforcing, 0 permissive, anything else -1. */
  private int configMode() throws IOException {
    String mode =
        KernelFiles.readIfPresent(paths.rootfs("/etc/selinux/config"))
            .map(c -> EtcSelinuxConfig.parse(c).value(EtcSelinuxConfig.SELINUX))
            .orElse("");
    return switch (mode) {
      case "enforcing" -> 1;
      case "permissive" -> 0;
      default -> -1;
    };
  }

  /** go-selinux's EnforceMode: the enforce file, -1 when it cannot be read. */
  private int currentMode() throws IOException {
    Path enforce = selinuxfs.orElseThrow().resolve("enforce");
    Optional<String> content = KernelFiles.readIfPresent(enforce);
    return content.isEmpty() ? -1 : SysFsSelinuxEnforce.parse(enforce.toString(), content.get());
  }

  private Optional<Path> findSelinuxfs() throws IOException {
    Path standard = paths.sys("fs", "selinux");
    if (Files.exists(standard.resolve("enforce"))) {
      return Optional.of(standard);
    }
    // Older systems mount it at /selinux: look only if the kernel has the file system at all.
    Optional<String> types = KernelFiles.readIfPresent(paths.proc("filesystems"));
    if (types.isEmpty() || !ProcFilesystems.parse(types.get()).names().contains(SELINUXFS)) {
      return Optional.empty();
    }
    Optional<String> mounts = KernelFiles.readIfPresent(paths.proc("self", "mountinfo"));
    if (mounts.isEmpty()) {
      return Optional.empty();
    }
    for (ProcMountinfo.Mount m : ProcMountinfo.parse(mounts.get()).mounts()) {
      Path p = paths.rootfs(m.mountPoint());
      if (m.fsType().equals(SELINUXFS) && Files.exists(p.resolve("enforce"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private String currentContext() throws IOException {
    Path file = paths.proc("self", "attr", "current");
    return KernelFiles.readIfPresent(file)
        .map(c -> ProcPidAttrCurrent.parse("/proc/self/attr/current", c))
        .orElse("");
  }
}
