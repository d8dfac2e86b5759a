package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdadmCollectorGoldenTest {

  static final String TREE = "edge/disk-storage";

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        MdadmCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /** Hand-written /proc/mdstat: healthy, recovering, resync pending, check, raid0, degraded. */
  @Test
  void everyKindOfArray() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(TREE));
    Golden.assertMatches(out, "mdadm.prom");
    assertThat(Exposition.value(out, "node_md_state", "device", "md1", "state", "recovering"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_md_state", "device", "md1", "state", "active"))
        .hasValue(0);
    assertThat(Exposition.value(out, "node_md_state", "device", "md2", "state", "resync"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_md_state", "device", "md3", "state", "check"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_md_state", "device", "md127", "state", "inactive"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_md_blocks_synced", "device", "md1")).hasValue(441578624);
    assertThat(Exposition.value(out, "node_md_blocks", "device", "md1")).hasValue(5860147200.0);
    assertThat(Exposition.value(out, "node_md_disks", "device", "md5", "state", "failed"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_md_disks", "device", "md5", "state", "spare"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_md_disks_required", "device", "md4")).hasValue(2);
  }

  @Test
  void noMdstatIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }

  @Test
  void garbageFailsTheCycleNamingTheFile(@TempDir Path host) throws Exception {
    Files.createDirectories(host.resolve("proc"));
    Files.writeString(host.resolve("proc/mdstat"), "md0 : active raid1 sda1[0]\n");
    assertThatThrownBy(() -> run(HostPaths.under(host)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("/proc/mdstat line 1");
  }
}
