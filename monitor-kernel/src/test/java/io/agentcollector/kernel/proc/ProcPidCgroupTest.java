package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Merged from cgroup-v1's ProcPidCgroup (controller paths) and cgroup-v2's (the unified path); the
 * differences are the last two tests.
 */
class ProcPidCgroupTest {

  private static final String DOCKER =
      "/docker/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void aHybridHostHasBoth() throws Exception {
    ProcPidCgroup c = ProcPidCgroup.parse(KernelFiles.read(Fixtures.path("proc/4242/cgroup")));
    assertThat(c.pathByController())
        .containsEntry("cpu", DOCKER)
        .containsEntry("cpuacct", DOCKER)
        .containsEntry("memory", DOCKER)
        .containsEntry("name=systemd", DOCKER)
        .hasSize(9);
    assertThat(c.unifiedPath()).contains(DOCKER);
  }

  @Test
  void controllersSharingAHierarchyAndPureHosts() {
    ProcPidCgroup v1 = ProcPidCgroup.parse("12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n");
    assertThat(v1.pathByController())
        .containsEntry("cpu", "/docker/abc")
        .containsEntry("cpuacct", "/docker/abc");
    assertThat(v1.unifiedPath()).as("pure v1").isEmpty();
    ProcPidCgroup v2 = ProcPidCgroup.parse("0::/system.slice/ssh.service\n");
    assertThat(v2.unifiedPath()).contains("/system.slice/ssh.service");
    assertThat(v2.pathByController()).isEmpty();
    assertThat(ProcPidCgroup.parse("0::/a:b\n").unifiedPath()).as("colon in path").contains("/a:b");
  }

  @Test
  void aRemovedCgroupsPathLosesTheDeletedMark() {
    assertThat(ProcPidCgroup.parse("0::/docker/abc (deleted)\n").unifiedPath())
        .contains("/docker/abc");
  }

  @Test
  void garbageNamesTheLine() {
    assertThatThrownBy(() -> ProcPidCgroup.parse("nonsense"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/proc/<pid>/cgroup line 1: expected id:controllers:path, got \"nonsense\"");
    assertThatThrownBy(() -> ProcPidCgroup.parse("x:memory:/a\n"))
        .as("no hierarchy id")
        .hasMessageContaining("line 1");
  }

  @Test
  void garbageAfterTheV2LineIsRefused() {
    // cgroup-v2's copy returned at the 0:: line and never saw the rest.
    assertThatThrownBy(() -> ProcPidCgroup.parse("4:memory:/x\n0::/\ngarbage\n"))
        .hasMessageContaining("/proc/<pid>/cgroup line 3");
  }

  @Test
  void theDeletedMarkIsStrippedFromV1LinesToo() {
    // cgroup-v1's copy kept it. Newer kernels print it without a path for a task that has left
    // a hierarchy; the reader then falls back to the runtime's path.
    ProcPidCgroup c = ProcPidCgroup.parse("4:memory: (deleted)\n1:cpu:/docker/abc (deleted)\n");
    assertThat(c.pathByController())
        .containsEntry("memory", "")
        .containsEntry("cpu", "/docker/abc");
  }
}
