package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * dmi on {@code testdata/fixtures/edge/system-dmi}, a hand-made Supermicro server (the build VM,
 * Firecracker, has no DMI): every label node_exporter has, an empty asset tag, chassis_type read
 * but not a label, modalias and uevent skipped.
 */
class DmiCollectorGoldenTest {

  @TempDir Path root;

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        DmiCollector::new, TestContext.forPlugin("system").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/system-dmi")), "dmi.prom");
  }

  @Test
  void labelsNamedAsNodeExporter() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/system-dmi"));
    assertThat(
            Exposition.value(
                out,
                "node_dmi_info",
                "system_vendor",
                "Supermicro",
                "product_uuid",
                "00000000-0000-0000-0000-3cecef123456",
                "board_asset_tag",
                ""))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_dmi_info", "chassis_type", "17")).isEmpty();
  }

  @Test
  void theFirstGoodReadIsKept() throws Exception {
    Path id = Files.createDirectories(root.resolve("sys/class/dmi/id"));
    Files.writeString(id.resolve("sys_vendor"), "QEMU\n");
    DmiCollector c =
        new DmiCollector(TestContext.forPlugin("system").withHostPaths(HostPaths.under(root)));
    MetricSnapshots first = c.collect();
    Files.writeString(id.resolve("sys_vendor"), "changed\n");
    assertThat(Exposition.value(c.collect(), "node_dmi_info", "system_vendor", "QEMU")).hasValue(1);
    assertThat(c.collect()).isSameAs(first);
  }

  @Test
  void noDmiIsNoSeriesAndNoFailure() throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).isZero();
    assertThat(run(HostPaths.under(root)).size()).isZero();
  }
}
