package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.PluginConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's filesystem collector: size, free, avail, files, files_free, readonly and
 * device_error per mount from /proc/1/mounts and statfs(2). statfs runs on a small pool of its
 * own with a per-mount timeout: a mount that does not answer gets device_error 1 and is not
 * asked again until its call returns, so a hung NFS/FUSE mount never blocks the cycle nor piles
 * up threads. Golden file: src/test/golden/filesystem.prom.
 */
@Extension
public final class FilesystemCollector implements Collector {

  /** More hung mounts than this at once and the rest are reported as errors right away. */
  static final int MAX_STATFS_THREADS = 8;

  private HostPaths paths;
  private Optional<Pattern> mountPointsExclude;
  private Optional<Pattern> fsTypesExclude;
  private Duration mountTimeout;
  private boolean extraMetrics;
  private StatFs statFs;
  private ThreadPoolExecutor pool;
  private Logger log;
  /** Mount points whose statfs call has not returned yet. */
  private final Set<String> stuck = ConcurrentHashMap.newKeySet();

  public FilesystemCollector() {}

  /** For tests: a given statfs instead of the real one. */
  FilesystemCollector(StatFs statFs) {
    this.statFs = statFs;
  }

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return true;
  }

  @Override
  public void start(CollectorContext context) {
    PluginConfig c = context.config();
    paths = context.hostPaths();
    log = context.logger();
    mountPointsExclude = c.getPattern("mount-points-exclude");
    fsTypesExclude = c.getPattern("fs-types-exclude");
    mountTimeout = c.getDuration("mount-timeout");
    extraMetrics = c.getBoolean("extra-metrics");
    if (statFs == null) {
      statFs = new JnaStatFs();
    }
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(0, MAX_STATFS_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "statfs-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    Path mountsFile = paths.proc("1", "mounts");
    if (!Files.exists(mountsFile)) {
      mountsFile = paths.proc("mounts");
    }
    ProcMounts mounts = ProcMounts.parse(Files.readString(mountsFile));
    Map<List<String>, ProcMounts.Mount> selected = new LinkedHashMap<>();
    for (ProcMounts.Mount m : mounts.mounts()) {
      if (mountPointsExclude.isPresent() && mountPointsExclude.get().matcher(m.mountPoint()).find()
          || fsTypesExclude.isPresent() && fsTypesExclude.get().matcher(m.fsType()).find()) {
        continue;
      }
      // The same mount listed twice is reported once, the first.
      selected.putIfAbsent(List.of(m.device(), m.mountPoint(), m.fsType()), m);
    }
    // Start every statfs first, then wait: the timeout applies per mount, not per cycle.
    Map<ProcMounts.Mount, Future<StatFs.Result>> calls = new LinkedHashMap<>();
    for (ProcMounts.Mount m : selected.values()) {
      String path = paths.rootfs(m.mountPoint()).toString();
      if (stuck.contains(path)) {
        calls.put(m, null);
        continue;
      }
      try {
        calls.put(m, pool.submit(() -> {
          try {
            return statFs.statfs(path);
          } finally {
            stuck.remove(path);
          }
        }));
      } catch (RejectedExecutionException e) {
        calls.put(m, null); // every statfs thread is held by a hung mount
      }
    }
    MetricFamilies f = new MetricFamilies();
    long deadline = System.nanoTime() + mountTimeout.toNanos();
    for (var e : calls.entrySet()) {
      ProcMounts.Mount m = e.getKey();
      // /proc/1/mounts names mount points as the host sees them: the label never has the rootfs prefix.
      String[] labels = {"device", m.device(), "mountpoint", m.mountPoint(), "fstype", m.fsType()};
      StatFs.Result r = await(e.getValue(), deadline, paths.rootfs(m.mountPoint()).toString());
      f.gauge("node_filesystem_device_error",
          "Whether an error occurred while getting statistics for the given device.").add(r == null ? 1 : 0, labels);
      if (r == null) {
        continue;
      }
      f.gauge("node_filesystem_size_bytes", "Filesystem size in bytes.").add((double) r.blocks() * r.blockSize(), labels);
      f.gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.").add((double) r.free() * r.blockSize(), labels);
      f.gauge("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.")
          .add((double) r.available() * r.blockSize(), labels);
      f.gauge("node_filesystem_files", "Filesystem total file nodes.").add(r.files(), labels);
      f.gauge("node_filesystem_files_free", "Filesystem total free file nodes.").add(r.filesFree(), labels);
      f.gauge("node_filesystem_readonly", "Filesystem read-only status.").add(m.options().contains("ro") ? 1 : 0, labels);
      // df's Use%: used / (used + available), used = size - free (root's reserve is not "used").
      long used = r.blocks() - r.free();
      if (extraMetrics && used + r.available() > 0) {
        f.gauge("host_filesystem_used_ratio", "Used space as df reports it: used / (used + available), 0..1.")
            .add((double) used / (used + r.available()), labels);
      }
    }
    return f.build();
  }

  private StatFs.Result await(Future<StatFs.Result> call, long deadline, String path) throws InterruptedException {
    if (call == null) {
      return null;
    }
    try {
      return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (stuck.add(path)) {
        log.warn("statfs {} did not return within {}: reported as device_error until it does", path, mountTimeout);
      }
      // Cleared by the call itself when it returns, whatever it answers.
      if (call.isDone()) {
        stuck.remove(path);
      }
      return null;
    } catch (ExecutionException e) {
      log.debug("statfs {}: {}", path, e.getCause().toString());
      return null;
    }
  }

  @Override
  public void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
