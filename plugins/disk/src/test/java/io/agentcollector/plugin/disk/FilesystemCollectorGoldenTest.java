package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build machine's /proc/1/mounts with statfs answers made up (statfs cannot be redirected to a
 * fixture tree): the root file system as df showed it there, one Docker data-root bind of the same
 * disk, and one whose directory no longer exists (statfs fails: device_error 1).
 */
class FilesystemCollectorGoldenTest {

  // f_bsize 4096; blocks, bfree, bavail, files, ffree of the 252 GiB ext4 root on that machine.
  static final StatFs.Result ROOT =
      new StatFs.Result(4096, 66053021, 60072386, 20617093, 16777216, 16371520);

  @Test
  void fixtureMounts() throws Exception {
    StatFs fake =
        new FakeStatFs(
            Fixtures.hostPaths().rootfs(),
            Map.of("/", ROOT, "/tmp/agent-collector-daemons.bJySi4/docker/root", ROOT));
    MetricSnapshots out =
        CollectorRun.once(c -> new FilesystemCollector(c, fake), TestContext.forPlugin("disk"));
    Golden.assertMatches(out, "filesystem.prom");

    String[] root = {"device", "/dev/vda", "fstype", "ext4", "mountpoint", "/"};
    assertThat(Exposition.value(out, "node_filesystem_size_bytes", root))
        .hasValue(66053021 * 4096.0);
    assertThat(Exposition.value(out, "node_filesystem_free_bytes", root))
        .hasValue(60072386 * 4096.0);
    assertThat(Exposition.value(out, "node_filesystem_avail_bytes", root))
        .hasValue(20617093 * 4096.0);
    assertThat(Exposition.value(out, "node_filesystem_files", root)).hasValue(16777216);
    assertThat(Exposition.value(out, "node_filesystem_files_free", root)).hasValue(16371520);
    assertThat(Exposition.value(out, "node_filesystem_readonly", root)).hasValue(0);
    assertThat(Exposition.value(out, "node_filesystem_device_error", root)).hasValue(0);
    // used 5980635 blocks, available 20617093: df's Use% 23 (rounded up from 22.48).
    assertThat(Exposition.value(out, "host_filesystem_used_ratio", root))
        .hasValue(5980635.0 / (5980635 + 20617093));
    assertThat(
            Exposition.value(
                out,
                "node_filesystem_device_error",
                "mountpoint",
                "/tmp/agent-collector-daemons.qyKWf8/docker/root"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_filesystem_size_bytes",
                "mountpoint",
                "/tmp/agent-collector-daemons.qyKWf8/docker/root"))
        .isEmpty();
    // Debian's default drops /dev, /sys, /mnt; the type default drops overlay, nsfs, cgroup, proc.
    assertThat(Exposition.text(out))
        .doesNotContain("/dev/shm", "/mnt/", "cgroup", "overlay", "nsfs", "/proc");
  }
}
