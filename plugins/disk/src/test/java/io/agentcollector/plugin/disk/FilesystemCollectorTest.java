package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {

  @TempDir Path host;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger hungCalls = new AtomicInteger();
  private FilesystemCollector collector;

  /** Fixed answers per mount point; /srv/hung blocks like a dead NFS server until released. */
  private final StatFs fake = path -> {
    String mount = path.substring(host.toString().length());
    switch (mount.isEmpty() ? "/" : mount) {
      case "/" -> { return new StatFs.Result(4096, 1000, 400, 300, 5000, 4000); }
      case "/data" -> { return new StatFs.Result(4096, 2000, 2000, 2000, 100, 100); }
      case "/srv/hung" -> {
        hungCalls.incrementAndGet();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new StatFs.Result(4096, 10, 5, 5, 1, 1);
      }
      default -> throw new java.io.IOException("statfs " + path + ": errno 2");
    }
  };

  @BeforeEach
  void mounts() throws Exception {
    Files.createDirectories(host.resolve("proc/1"));
    Files.writeString(host.resolve("proc/1/mounts"), """
        /dev/vda / ext4 rw,relatime 0 0
        proc /proc proc rw,nosuid 0 0
        /dev/vdb /data xfs ro,relatime 0 0
        /dev/vdb /data xfs ro,relatime 0 0
        server:/export /srv/hung nfs4 rw 0 0
        tmpfs /run tmpfs rw 0 0
        /dev/vdc /srv/with\\040space ext4 rw 0 0
        overlay /var/lib/docker/overlay2/x/merged overlay rw 0 0
        """);
    collector = new FilesystemCollector(fake);
    collector.start(TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)).withConfig("mount-timeout = 300ms"));
  }

  @AfterEach
  void stop() {
    release.countDown();
    collector.stop();
  }

  @Test
  void goldenWithAHungMount() throws Exception {
    Golden.assertMatches(collector.collect(), "filesystem.prom");
  }

  @Test
  void aHungMountIsAnErrorDoesNotBlockAndIsNotAskedAgainUntilItReturns() throws Exception {
    long t0 = System.nanoTime();
    MetricSnapshots first = collector.collect();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(seconds).as("the cycle waits about the mount timeout, not for the mount").isLessThan(3);
    assertThat(Exposition.value(first, "node_filesystem_device_error", "mountpoint", "/srv/hung")).hasValue(1);
    assertThat(Exposition.value(first, "node_filesystem_size_bytes", "mountpoint", "/srv/hung")).isEmpty();
    assertThat(Exposition.value(first, "node_filesystem_size_bytes", "mountpoint", "/")).hasValue(4096 * 1000.0);
    assertThat(Exposition.value(first, "node_filesystem_device_error", "mountpoint", "/srv/with space")).hasValue(1);

    collector.collect();
    assertThat(hungCalls.get()).as("no second call while the first hangs").isEqualTo(1);

    release.countDown();
    Thread.sleep(200);
    MetricSnapshots after = collector.collect();
    assertThat(Exposition.value(after, "node_filesystem_device_error", "mountpoint", "/srv/hung")).hasValue(0);
    assertThat(Exposition.value(after, "node_filesystem_size_bytes", "mountpoint", "/srv/hung")).hasValue(40960);
    assertThat(hungCalls.get()).isEqualTo(2);
  }

  @Test
  void valuesReadonlyAndUsedRatio() throws Exception {
    release.countDown();
    MetricSnapshots out = collector.collect();
    assertThat(Exposition.value(out, "node_filesystem_avail_bytes", "mountpoint", "/", "device", "/dev/vda", "fstype", "ext4"))
        .hasValue(4096 * 300.0);
    assertThat(Exposition.value(out, "node_filesystem_files_free", "mountpoint", "/")).hasValue(4000);
    assertThat(Exposition.value(out, "node_filesystem_readonly", "mountpoint", "/data")).hasValue(1);
    assertThat(Exposition.value(out, "node_filesystem_readonly", "mountpoint", "/")).hasValue(0);
    // used 600 blocks, available 300: df shows 67 %.
    assertThat(Exposition.value(out, "host_filesystem_used_ratio", "mountpoint", "/")).hasValue(600.0 / 900);
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", "mountpoint", "/proc")).as("excluded").isEmpty();
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", "mountpoint", "/run")).as("Debian's exclude").isEmpty();
    assertThat(Exposition.text(out)).doesNotContain("overlay");
  }

  @Test
  void realStatfsOfTheRootMatchesJava() throws Exception {
    StatFs.Result r;
    try {
      r = new JnaStatFs().statfs("/");
    } catch (IllegalStateException e) {
      Infra.missing("64-bit Linux for statfs(2): " + e.getMessage());
      return;
    }
    FileStore store = Files.getFileStore(Path.of("/"));
    assertThat(r.blocks() * r.blockSize()).isEqualTo(store.getTotalSpace());
    assertThat(r.files()).isPositive();
  }
}
