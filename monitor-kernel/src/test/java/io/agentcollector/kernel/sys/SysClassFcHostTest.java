package io.agentcollector.kernel.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysClassFcHostTest {

  @Test
  void hostsOfAHandMadeTree() throws Exception {
    List<SysClassFcHost.Host> h =
        SysClassFcHost.read(Fixtures.hostPaths("edge/net-fibrechannel").sys("class", "fc_host"))
            .hosts();
    assertThat(h).extracting(SysClassFcHost.Host::name).containsExactly("host0", "host1");
    assertThat(h.get(0).attributes())
        .hasSize(11)
        .containsEntry("node_name", "20000024ff7ef9d5")
        .containsEntry("port_type", "NPort (fabric via point-to-point)")
        .containsEntry("supported_speeds", "4 Gbit, 8 Gbit, 16 Gbit");
    assertThat(h.get(0).statistics())
        .hasSize(14)
        .containsEntry("tx_words", 0x1a8b0bc0L)
        .containsEntry("nos_count", -1L)
        .doesNotContainKeys("lip_count", "fcp_input_megabytes");
    assertThat(h.get(1).statistics()).hasSize(13).doesNotContainKey("seconds_since_last_reset");
  }

  @Test
  void noClassDirectoryIsNoHostsAndAMissingAttributeFails(@TempDir Path dir) throws Exception {
    assertThat(SysClassFcHost.read(dir.resolve("fc_host")).hosts()).isEmpty();
    Files.createDirectories(dir.resolve("host0"));
    Files.writeString(dir.resolve("host0/speed"), "8 Gbit\n");
    assertThatThrownBy(() -> SysClassFcHost.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("port_state");
  }

  @Test
  void attributesAndCounters() {
    assertThat(SysClassFcHost.attribute("port_id", "0x010a00\n")).isEqualTo("010a00");
    assertThat(SysClassFcHost.attribute("fabric_name", "0x\n")).as("too short").isEqualTo("0x");
    assertThat(SysClassFcHost.attribute("speed", "0x10\n")).isEqualTo("0x10");
    assertThat(SysClassFcHost.counter("/c", "0x1b\n")).isEqualTo(27);
    assertThatThrownBy(() -> SysClassFcHost.counter("/c", "lots\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/c: not a number: \"lots\"");
  }
}
