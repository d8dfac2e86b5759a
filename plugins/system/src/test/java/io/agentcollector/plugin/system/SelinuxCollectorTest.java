package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelinuxCollectorTest {

  @TempDir Path root;

  @Test
  void goldenOnTheFixtureHostWhichHasNoSelinux() throws Exception {
    Collector c = new SelinuxCollector(TestContext.forPlugin("system"));
    assertThat(c.name()).isEqualTo("selinux");
    assertThat(c.enabledByDefault()).as("on in node_exporter 1.5.0").isTrue();
    assertThat(c.mirrorsNodeExporter()).isTrue();
    Golden.assertMatches(
        CollectorRun.once(SelinuxCollector::new, TestContext.forPlugin("system")), "selinux.prom");
  }

  @Test
  void withoutAnyFileItSaysDisabledAsNodeExporterDoes() throws Exception {
    MetricSnapshots out = run();
    assertThat(Exposition.value(out, "node_selinux_enabled")).hasValue(0);
    assertThat(out.size()).isEqualTo(1);
  }

  @Test
  void enabledWithTheConfiguredAndTheCurrentMode() throws Exception {
    write("sys/fs/selinux/enforce", "1");
    write("etc/selinux/config", "SELINUX=permissive\nSELINUXTYPE=targeted\n");
    write("proc/self/attr/current", "system_u:system_r:init_t:s0\0");
    MetricSnapshots out = run();
    assertThat(Exposition.value(out, "node_selinux_enabled")).hasValue(1);
    assertThat(Exposition.value(out, "node_selinux_config_mode")).hasValue(0);
    assertThat(Exposition.value(out, "node_selinux_current_mode")).hasValue(1);
  }

  @Test
  void beforeThePolicyIsLoadedEveryContextIsKernelAndSelinuxCountsAsDisabled() throws Exception {
    write("sys/fs/selinux/enforce", "0");
    write("proc/self/attr/current", "kernel\0");
    MetricSnapshots out = run();
    assertThat(Exposition.value(out, "node_selinux_enabled")).hasValue(0);
    assertThat(Exposition.value(out, "node_selinux_current_mode")).isEmpty();
  }

  @Test
  void anOlderMountPointIsFoundThroughMountinfo() throws Exception {
    write("proc/filesystems", "nodev\tproc\nnodev\tselinuxfs\n\text4\n");
    write(
        "proc/self/mountinfo",
        "22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
            + "30 1 0:27 / /selinux rw,relatime - selinuxfs selinuxfs rw\n");
    write("selinux/enforce", "0");
    MetricSnapshots out = run();
    assertThat(Exposition.value(out, "node_selinux_enabled")).hasValue(1);
    assertThat(Exposition.value(out, "node_selinux_current_mode")).hasValue(0);
    assertThat(Exposition.value(out, "node_selinux_config_mode")).as("no config file").hasValue(-1);
  }

  @Test
  void mountinfoIsNotReadWhenTheKernelHasNoSelinuxfs() throws Exception {
    write("proc/filesystems", "nodev\tproc\n\text4\n");
    write("proc/self/mountinfo", "garbage that would be refused\n");
    assertThat(Exposition.value(run(), "node_selinux_enabled")).hasValue(0);
  }

  private MetricSnapshots run() throws Exception {
    return CollectorRun.once(
        SelinuxCollector::new,
        TestContext.forPlugin("system").withHostPaths(HostPaths.under(root)));
  }

  private void write(String relative, String content) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
