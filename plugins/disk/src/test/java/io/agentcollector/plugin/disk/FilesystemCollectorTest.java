package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {

  private static final StatFs.Result SMALL = new StatFs.Result(4096, 1000, 400, 300, 5000, 4000);
  private static final StatFs.Result DATA = new StatFs.Result(1024, 2000, 2000, 2000, 100, 100);

  @TempDir Path host;
  private FakeStatFs fake;
  private FilesystemCollector collector;

  private FilesystemCollector start(String mounts, FakeStatFs statFs, String hocon)
      throws Exception {
    Files.createDirectories(host.resolve("proc/1"));
    Files.writeString(host.resolve("proc/1/mounts"), mounts);
    fake = statFs;
    collector =
        new FilesystemCollector(
            TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)).withConfig(hocon),
            statFs);
    return collector;
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.release();
    }
    if (collector != null) {
      collector.stop();
    }
  }

  @Test
  void aHungMountIsAnErrorWithinTheTimeoutAndIsNotAskedAgainUntilItReturns() throws Exception {
    start(
        """
        /dev/vda / ext4 rw,relatime 0 0
        server:/export /srv/nfs nfs4 rw,relatime 0 0
        /dev/vdb /data xfs ro,relatime 0 0
        """,
        new FakeStatFs(host, Map.of("/", SMALL, "/data", DATA, "/srv/nfs", SMALL), "/srv/nfs"),
        "mount-timeout = 300ms");

    long t0 = System.nanoTime();
    MetricSnapshots first = collector.collect();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(seconds).as("waits about the mount timeout, not for the mount").isBetween(0.25, 1.5);
    assertThat(Exposition.value(first, "node_filesystem_device_error", "mountpoint", "/srv/nfs"))
        .hasValue(1);
    assertThat(Exposition.value(first, "node_filesystem_size_bytes", "mountpoint", "/srv/nfs"))
        .isEmpty();
    assertThat(Exposition.value(first, "node_filesystem_readonly", "mountpoint", "/srv/nfs"))
        .isEmpty();
    assertThat(Exposition.value(first, "node_filesystem_device_error", "mountpoint", "/"))
        .hasValue(0);
    assertThat(Exposition.value(first, "node_filesystem_size_bytes", "mountpoint", "/"))
        .hasValue(4096 * 1000.0);
    assertThat(Exposition.value(first, "node_filesystem_size_bytes", "mountpoint", "/data"))
        .hasValue(1024 * 2000.0);
    assertThat(Exposition.value(first, "node_filesystem_readonly", "mountpoint", "/data"))
        .hasValue(1);

    t0 = System.nanoTime();
    MetricSnapshots second = collector.collect();
    assertThat((System.nanoTime() - t0) / 1e9)
        .as("a stuck mount is not waited for again")
        .isLessThan(0.25);
    assertThat(Exposition.value(second, "node_filesystem_device_error", "mountpoint", "/srv/nfs"))
        .hasValue(1);
    assertThat(fake.calls("/srv/nfs")).as("no second call while the first hangs").isEqualTo(1);
    assertThat(fake.calls("/")).isEqualTo(2);

    fake.release();
    Thread.sleep(100);
    MetricSnapshots after = collector.collect();
    assertThat(Exposition.value(after, "node_filesystem_device_error", "mountpoint", "/srv/nfs"))
        .hasValue(0);
    assertThat(Exposition.value(after, "node_filesystem_size_bytes", "mountpoint", "/srv/nfs"))
        .hasValue(4096 * 1000.0);
    assertThat(fake.calls("/srv/nfs")).isEqualTo(2);
  }

  @Test
  void moreMountsThanThreadsAreAllAnsweredEvenWithHungOnes() throws Exception {
    StringBuilder mounts = new StringBuilder();
    Map<String, StatFs.Result> answers = new HashMap<>();
    String[] hung = new String[FilesystemCollector.STATFS_THREADS - 1];
    for (int i = 0; i < 40; i++) {
      mounts.append("/dev/sd").append(i).append(" /m").append(i).append(" ext4 rw 0 0\n");
      answers.put("/m" + i, SMALL);
      if (i < hung.length) {
        hung[i] = "/m" + i;
      }
    }
    start(mounts.toString(), new FakeStatFs(host, answers, hung), "mount-timeout = 1s");
    for (int cycle = 0; cycle < 3; cycle++) {
      MetricSnapshots out = collector.collect();
      for (int i = 0; i < 40; i++) {
        assertThat(Exposition.value(out, "node_filesystem_device_error", "mountpoint", "/m" + i))
            .as("cycle %d /m%d", cycle, i)
            .hasValue(i < hung.length ? 1 : 0);
      }
    }
    for (String h : hung) {
      assertThat(fake.calls(h)).isEqualTo(1);
    }
  }

  @Test
  void moreHungMountsThanThreadsDelayTheOthersOneCycleOnly() throws Exception {
    StringBuilder mounts = new StringBuilder();
    Map<String, StatFs.Result> answers = new HashMap<>();
    String[] hung = new String[FilesystemCollector.STATFS_THREADS + 2];
    for (int i = 0; i < 20; i++) {
      mounts.append("server:/e").append(i).append(" /m").append(i).append(" nfs4 rw 0 0\n");
      answers.put("/m" + i, SMALL);
      if (i < hung.length) {
        hung[i] = "/m" + i; // first in the list: they take every thread of the first cycle
      }
    }
    start(mounts.toString(), new FakeStatFs(host, answers, hung), "mount-timeout = 200ms");
    collector.collect();
    Thread.sleep(100); // the grown pool drains what the first cycle left queued
    collector.collect();
    MetricSnapshots out = collector.collect();
    for (int i = 0; i < 20; i++) {
      assertThat(Exposition.value(out, "node_filesystem_device_error", "mountpoint", "/m" + i))
          .as("/m%d", i)
          .hasValue(i < hung.length ? 1 : 0);
    }
    for (String h : hung) {
      assertThat(fake.calls(h)).isEqualTo(1);
    }
  }

  @Test
  void hostMountedUnderTheRootfsIsLabelledWithoutThePrefix() throws Exception {
    // The agent's own /proc/1/mounts in a container without the host's pid namespace.
    start(
        """
        overlay / overlay rw 0 0
        /dev/vda %1$s ext4 ro 0 0
        /dev/vdb %1$s/data xfs rw 0 0
        /dev/vdc %1$sdata xfs rw 0 0
        """
            .formatted(host),
        new FakeStatFs(host, Map.of("/", SMALL, "/data", DATA)),
        "");
    MetricSnapshots out = collector.collect();
    assertThat(
            Exposition.value(
                out, "node_filesystem_size_bytes", "device", "/dev/vda", "mountpoint", "/"))
        .hasValue(4096 * 1000.0);
    assertThat(
            Exposition.value(
                out, "node_filesystem_readonly", "device", "/dev/vda", "mountpoint", "/"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", "mountpoint", "/data"))
        .hasValue(1024 * 2000.0);
    assertThat(Exposition.value(out, "node_filesystem_device_error", "mountpoint", host + "data"))
        .as("a sibling directory is no prefix")
        .hasValue(1);
  }

  @Test
  void duplicatesOnceAndStackedMountsShareTheirCall() throws Exception {
    start(
        """
        /dev/vda / ext4 rw 0 0
        /dev/vda / ext4 ro 0 0
        tmpfs /srv tmpfs rw 0 0
        /dev/vdb /srv xfs rw 0 0
        """,
        new FakeStatFs(host, Map.of("/", SMALL, "/srv", DATA)),
        "");
    MetricSnapshots out = collector.collect();
    assertThat(Exposition.text(out))
        .containsOnlyOnce("node_filesystem_readonly{device=\"/dev/vda\"");
    assertThat(Exposition.value(out, "node_filesystem_readonly", "mountpoint", "/"))
        .as("the first line wins")
        .hasValue(0);
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", "device", "tmpfs"))
        .hasValue(1024 * 2000.0);
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", "device", "/dev/vdb"))
        .hasValue(1024 * 2000.0);
    assertThat(fake.calls("/srv")).isEqualTo(1);
  }

  @Test
  void usedRatioIsDfsUsePercentAndCanBeSwitchedOff() throws Exception {
    start(
        "/dev/vda / ext4 rw 0 0\nproc /proc proc rw 0 0\nempty /e tmpfs rw 0 0\n",
        new FakeStatFs(host, Map.of("/", SMALL, "/e", new StatFs.Result(4096, 0, 0, 0, 0, 0))),
        "");
    MetricSnapshots out = collector.collect();
    // size 1000, free 400, avail 300 blocks: used 600, df shows 600 / 900 = 67 %, not 1 - 300/1000.
    assertThat(Exposition.value(out, "host_filesystem_used_ratio", "mountpoint", "/"))
        .hasValue(600.0 / 900);
    assertThat(Exposition.value(out, "host_filesystem_used_ratio", "mountpoint", "/e"))
        .as("df prints -")
        .isEmpty();
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", "mountpoint", "/e")).hasValue(0);
    collector.stop();

    start(
        "/dev/vda / ext4 rw 0 0\n",
        new FakeStatFs(host, Map.of("/", SMALL)),
        "extra-metrics = false");
    assertThat(Exposition.text(collector.collect()))
        .doesNotContain("host_")
        .contains("node_filesystem_size_bytes");
  }

  @Test
  void fallsBackToProcMountsAndIsEmptyWithoutEither() throws Exception {
    collector =
        new FilesystemCollector(
            TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)),
            new FakeStatFs(host, Map.of("/", SMALL)));
    assertThat(collector.collect()).isEmpty();
    Files.createDirectories(host.resolve("proc"));
    Files.writeString(host.resolve("proc/mounts"), "/dev/vda / ext4 rw 0 0\n");
    assertThat(
            Exposition.value(collector.collect(), "node_filesystem_size_bytes", "mountpoint", "/"))
        .hasValue(4096 * 1000.0);
  }

  @Test
  void hugeUnsignedCounts() throws Exception {
    start(
        "fuse /f fuse.x rw 0 0\n",
        new FakeStatFs(host, Map.of("/f", new StatFs.Result(4096, 1, 1, 1, -1L, -1L))),
        "");
    assertThat(Exposition.value(collector.collect(), "node_filesystem_files", "mountpoint", "/f"))
        .hasValue(1.8446744073709552e19);
  }
}
