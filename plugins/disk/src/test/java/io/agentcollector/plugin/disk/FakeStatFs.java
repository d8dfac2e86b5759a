package io.agentcollector.plugin.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * statfs answers by mount point (the path below the rootfs); unknown mount points fail like ENOENT;
 * the mount points in {@code hung} block until {@link #release()}.
 */
final class FakeStatFs implements StatFs {

  private final Path rootfs;
  private final Map<String, Result> answers;
  private final java.util.Set<String> hung;
  private final CountDownLatch latch = new CountDownLatch(1);
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  FakeStatFs(Path rootfs, Map<String, Result> answers, String... hung) {
    this.rootfs = rootfs;
    this.answers = answers;
    this.hung = java.util.Set.of(hung);
  }

  @Override
  public Result statfs(String path) throws IOException {
    String mountPoint = "/" + rootfs.relativize(Path.of(path));
    calls.computeIfAbsent(mountPoint, k -> new AtomicInteger()).incrementAndGet();
    if (hung.contains(mountPoint)) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
    Result r = answers.get(mountPoint);
    if (r == null) {
      throw new IOException("statvfs " + path + ": errno 2");
    }
    return r;
  }

  int calls(String mountPoint) {
    AtomicInteger n = calls.get(mountPoint);
    return n == null ? 0 : n.get();
  }

  void release() {
    latch.countDown();
  }
}
