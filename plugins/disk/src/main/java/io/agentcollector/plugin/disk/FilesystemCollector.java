package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.Threads;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcDiskstats;
import io.agentcollector.kernel.proc.ProcMounts;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's filesystem collector: {@code node_filesystem_size_bytes}, {@code free_bytes},
 * {@code avail_bytes}, {@code files}, {@code files_free}, {@code readonly} and {@code device_error}
 * per mount of /proc/1/mounts (or /proc/mounts), plus {@code host_filesystem_used_ratio} when
 * {@code extra-metrics} is on. Golden file: src/test/golden/filesystem.prom.
 *
 * <p>statfs runs on a small pool owned by the collector, mounts in parallel, each with the mount
 * timeout. A mount that does not answer in time gets device_error 1 and, like node_exporter's stuck
 * mounts, is not asked again until its call returns: a hung NFS or FUSE mount holds one thread (the
 * pool grows by one for it, up to {@link #MAX_THREADS}) and never blocks a cycle for longer than
 * the timeout.
 */
@Extension
@CollectorInfo(name = "filesystem", nodeExporter = true)
public final class FilesystemCollector implements Collector {

  /** Threads for statfs besides those held by calls that have not returned from earlier cycles. */
  static final int STATFS_THREADS = 4;

  /** At most this many threads in all, however many mounts hang. */
  static final int MAX_THREADS = 32;

  private final HostPaths paths;
  private final DiskConfig config;
  private final Logger log;
  private final StatFs statFs;

  /** /proc/1/mounts, the host's view, else /proc/mounts, the agent's. */
  private final KernelFile[] mountsFiles;

  private final ThreadPoolExecutor pool;

  /** Mount points (as labelled) whose statfs call is queued or running. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /** The mounts file's text last read, which file it was, and the mounts selected from it. */
  private String mountsText;

  private KernelFile mountsFile;
  private Map<List<String>, Selection> selected = Map.of();

  /** Mount points reported as stuck, so the warning is logged once per episode. */
  private final Set<String> stuck = ConcurrentHashMap.newKeySet();

  public FilesystemCollector(CollectorContext context) {
    this(context, new JnaStatFs());
  }

  /** For tests: a given statfs instead of libc's. */
  FilesystemCollector(CollectorContext context, StatFs statFs) {
    config = DiskConfig.from(context.config());
    paths = context.hostPaths();
    log = context.logger();
    this.statFs = statFs;
    mountsFiles =
        new KernelFile[] {
          new KernelFile(paths.proc("1", "mounts")), new KernelFile(paths.proc("mounts"))
        };
    // Daemon threads: a thread stuck in the kernel must not keep the JVM alive.
    pool =
        new ThreadPoolExecutor(
            STATFS_THREADS,
            STATFS_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Threads.daemon("disk-statfs"));
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public MetricSnapshots collect() throws IOException, InterruptedException {
    Map<List<String>, Selection> selected = selected();
    // All calls first, then the waits: every mount gets the timeout, the cycle about one timeout.
    // Mounts stacked on one mount point share the call: statfs sees the top one anyway.
    // A hung call keeps its thread: grow the pool by as many, so healthy mounts still get theirs.
    resizePool(Math.min(MAX_THREADS, STATFS_THREADS + inFlight.size()));
    Map<String, Future<StatFs.Result>> calls = new LinkedHashMap<>();
    selected.keySet().forEach(l -> calls.computeIfAbsent(l.get(1), this::submit));
    long deadline = System.nanoTime() + config.mountTimeout().toNanos();

    MetricFamilies f = new MetricFamilies();
    for (Selection s : selected.values()) {
      Labels labels = s.labels();
      StatFs.Result r = await(calls.get(s.key().get(1)), s.key().get(1), deadline);
      f.gauge(
              "node_filesystem_device_error",
              "1 when statfs of the mount failed or did not answer in time, else 0.")
          .add(r == null ? 1 : 0, labels);
      if (r == null) {
        continue; // as node_exporter: no other series for a mount in error
      }
      f.gauge("node_filesystem_size_bytes", "Size of the filesystem in bytes.")
          .add(r.sizeBytes(), labels);
      f.gauge("node_filesystem_free_bytes", "Free bytes, including those reserved for root.")
          .add(r.freeBytes(), labels);
      f.gauge("node_filesystem_avail_bytes", "Bytes available to unprivileged users.")
          .add(r.availBytes(), labels);
      f.gauge("node_filesystem_files", "Inodes of the filesystem.")
          .add(ProcDiskstats.unsigned(r.files()), labels);
      f.gauge("node_filesystem_files_free", "Free inodes.")
          .add(ProcDiskstats.unsigned(r.filesFree()), labels);
      f.gauge("node_filesystem_readonly", "1 when mounted read-only (option ro), else 0.")
          .add(s.readOnly() ? 1 : 0, labels);
      if (config.extraMetrics()) {
        usedRatio(f, r, labels);
      }
    }
    return f.build();
  }

  /** A mount to report: its (device, mount point as labelled, type), labels and read-only flag. */
  private record Selection(List<String> key, Labels labels, boolean readOnly) {}

  /**
   * The mounts to report, by (device, mount point, type). Made again only when the mounts file
   * reads differently: it changes with a mount, and is read every cycle.
   */
  private Map<List<String>, Selection> selected() throws IOException {
    String text = null;
    KernelFile read = null;
    // /proc/1/mounts is the host's view even from a container sharing the host's pid namespace;
    // hidepid can hide it, then the agent's own view, as node_exporter falls back.
    for (KernelFile file : mountsFiles) {
      try {
        text = file.read();
        read = file;
        break;
      } catch (NoSuchFileException e) {
        log.debug("{} not found", file.path());
      }
    }
    if (text != null && text.equals(mountsText) && read == mountsFile) {
      return selected;
    }
    ProcMounts mounts =
        text == null ? new ProcMounts(List.of()) : ProcMounts.parse(read.path().toString(), text);
    // node_exporter reports a (device, mount point, type) once, the first line's.
    Map<List<String>, Selection> out = new LinkedHashMap<>();
    for (ProcMounts.Mount m : mounts.mounts()) {
      String mountPoint = stripRootfs(m.mountPoint());
      List<String> key = List.of(m.device(), mountPoint, m.fsType());
      if (!config.ignoresMount(mountPoint, m.fsType()) && !out.containsKey(key)) {
        out.put(
            key,
            new Selection(
                key,
                Labels.of("device", m.device(), "mountpoint", mountPoint, "fstype", m.fsType()),
                m.readOnly()));
      }
    }
    mountsText = text;
    mountsFile = read;
    selected = out;
    return out;
  }

  /**
   * What df prints as Use%: used / (used + avail) with used = size - free. The blocks reserved for
   * root count neither as used nor as available, so a full disk shows 100 % even while root can
   * still write, which {@code 1 - avail/size} (the usual dashboard formula) never reaches. df
   * rounds up to a whole percent; this is the exact ratio. No sample when used + avail is 0.
   */
  private static void usedRatio(MetricFamilies f, StatFs.Result r, Labels labels) {
    double used = ProcDiskstats.unsigned(r.blocks()) - ProcDiskstats.unsigned(r.free());
    double usable = used + ProcDiskstats.unsigned(r.available());
    if (usable > 0) {
      f.gauge(
              "host_filesystem_used_ratio",
              "Used space as df's Use% computes it, 0..1: used / (used + available).")
          .add(used / usable, labels);
    }
  }

  /**
   * The mount point as labelled: without the rootfs prefix when the list shows the host mounted
   * under it (node_exporter's rootfsStripPrefix, but only at a path boundary).
   */
  String stripRootfs(String mountPoint) {
    String prefix = paths.rootfs().toString();
    if (prefix.equals("/") || !mountPoint.startsWith(prefix)) {
      return mountPoint;
    }
    if (mountPoint.length() == prefix.length()) {
      return "/";
    }
    return mountPoint.charAt(prefix.length()) == '/'
        ? mountPoint.substring(prefix.length())
        : mountPoint;
  }

  private void resizePool(int size) {
    if (size > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(size);
      pool.setCorePoolSize(size);
    } else if (size < pool.getMaximumPoolSize()) {
      pool.setCorePoolSize(size);
      pool.setMaximumPoolSize(size);
    }
  }

  /** The call for a mount point, or null when its previous call has not returned yet. */
  private Future<StatFs.Result> submit(String mountPoint) {
    if (!inFlight.add(mountPoint)) {
      log.debug("statfs {} still has not returned: device_error", mountPoint);
      return null;
    }
    stuck.remove(mountPoint);
    String path = paths.rootfs(mountPoint).toString();
    try {
      return pool.submit(
          () -> {
            try {
              return statFs.statfs(path);
            } finally {
              inFlight.remove(mountPoint);
              if (stuck.remove(mountPoint)) {
                log.info("statfs {} returned after all; the mount is asked again", mountPoint);
              }
            }
          });
    } catch (RejectedExecutionException e) { // stopped
      inFlight.remove(mountPoint);
      return null;
    }
  }

  private StatFs.Result await(Future<StatFs.Result> call, String mountPoint, long deadline)
      throws InterruptedException {
    if (call == null) {
      return null;
    }
    try {
      return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (inFlight.contains(mountPoint) && stuck.add(mountPoint)) {
        log.warn(
            "statfs {} did not answer within {}: device_error until it does",
            mountPoint,
            config.mountTimeout());
      }
      return null;
    } catch (ExecutionException e) {
      log.debug("statfs {}: {}", mountPoint, e.getCause().toString());
      return null;
    }
  }

  @Override
  public void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
    for (KernelFile file : mountsFiles) {
      file.close();
    }
  }
}
