package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysDevicesSystemNodeTest {

  @Test
  void realCaptureFromTheBuildMachine() throws Exception {
    SysDevicesSystemNode n =
        SysDevicesSystemNode.read(Fixtures.hostPaths().sys("devices", "system", "node"));
    assertThat(n.nodes()).hasSize(1);
    SysDevicesSystemNode.Node node0 = n.nodes().get(0);
    assertThat(node0.node()).isEqualTo("0");
    assertThat(node0.meminfo())
        .hasSize(36)
        .startsWith(new SysDevicesSystemNode.MeminfoField("0", "MemTotal", 14116636L * 1024, true))
        .endsWith(new SysDevicesSystemNode.MeminfoField("0", "HugePages_Surp", 0, false));
    assertThat(node0.meminfo())
        .contains(new SysDevicesSystemNode.MeminfoField("0", "Active(anon)", 1580L * 1024, true));
    assertThat(node0.numastat())
        .extracting(SysDevicesSystemNode.Counter::key)
        .containsExactly(
            "numa_hit", "numa_miss", "numa_foreign", "interleave_hit", "local_node", "other_node");
  }

  @Test
  void noNodeDirectoryIsNoNodesAndAMissingFileFails(@TempDir Path dir) throws Exception {
    assertThat(SysDevicesSystemNode.read(dir.resolve("node")).nodes()).isEmpty();
    Path node1 = Files.createDirectories(dir.resolve("node1"));
    Files.writeString(node1.resolve("meminfo"), "Node 1 MemTotal: 4 kB\n");
    assertThatThrownBy(() -> SysDevicesSystemNode.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("numastat");
  }

  @Test
  void blankLinesAreSkipped() {
    assertThat(SysDevicesSystemNode.parseNumastat("/n", "\nnuma_hit 5\n  \n")).hasSize(1);
    assertThat(SysDevicesSystemNode.parseMeminfo("/m", "")).isEmpty();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "meminfo cut in a value",
            "meminfo",
            "Node 0 MemTotal:       1411",
            "/f: no newline at the end, the file is cut short"),
        Arguments.of(
            "meminfo with another unit",
            "meminfo",
            "Node 0 MemTotal: 5 MB\n",
            "/f line 1: expected \"Node <n> <key>: <value> [kB]\": \"Node 0 MemTotal: 5 MB\""),
        Arguments.of(
            "meminfo value not a number",
            "meminfo",
            "Node 0 MemFree: lots kB\n",
            "/f line 1: not a number: \"lots\""),
        Arguments.of(
            "meminfo kB overflowing",
            "meminfo",
            "Node 0 MemFree: 9223372036854775807 kB\n",
            "/f line 1: out of range: \"9223372036854775807\""),
        Arguments.of(
            "numastat three fields",
            "numastat",
            "numa_hit 1 2\n",
            "/f line 1: expected \"<key> <count>\": \"numa_hit 1 2\""),
        Arguments.of(
            "numastat negative", "numastat", "numa_hit -1\n", "/f line 1: not a number: \"-1\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void garbageIsRefusedNamingFileLineAndValue(
      String name, String which, String content, String message) {
    assertThatThrownBy(
            () -> {
              if (which.equals("meminfo")) {
                SysDevicesSystemNode.parseMeminfo("/f", content);
              } else {
                SysDevicesSystemNode.parseNumastat("/f", content);
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
