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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SysClassInfinibandTest {

  @Test
  void devicesPortsAndCountersOfAHandMadeTree() throws Exception {
    List<SysClassInfiniband.Device> d =
        SysClassInfiniband.read(
                Fixtures.hostPaths("edge/net-infiniband").sys("class", "infiniband"))
            .devices();
    assertThat(d)
        .extracting(SysClassInfiniband.Device::name)
        .containsExactly("mlx4_0", "mlx5_0", "qib0");
    SysClassInfiniband.Device mlx5 = d.get(1);
    assertThat(mlx5.hcaType()).isEqualTo("MT4119");
    SysClassInfiniband.Port p = mlx5.ports().get(0);
    assertThat(p.port()).isEqualTo(1);
    assertThat(p.stateId()).isEqualTo(4);
    assertThat(p.physStateId()).isEqualTo(5);
    assertThat(p.rateBytesPerSecond()).isEqualTo(12_500_000_000L);
    assertThat(p.counters())
        .hasSize(21)
        .containsEntry("port_rcv_data", 1879382721L * 4)
        .containsEntry("VL15_dropped", 0L);
    assertThat(d.get(0).ports()).extracting(SysClassInfiniband.Port::port).containsExactly(1L, 2L);
    assertThat(d.get(0).ports().get(1).counters())
        .containsEntry("port_xmit_data_64", 1800L * 4)
        .doesNotContainKey("VL15_dropped");
    assertThat(d.get(2).hcaType()).isEmpty();
  }

  @Test
  void noClassDirectoryIsNoDevicesAndAPortWithoutCountersFails(@TempDir Path dir) throws Exception {
    assertThat(SysClassInfiniband.read(dir.resolve("infiniband")).devices()).isEmpty();
    Path port = Files.createDirectories(dir.resolve("mlx5_0/ports/1"));
    Files.writeString(dir.resolve("mlx5_0/board_id"), "MT_1\n");
    Files.writeString(dir.resolve("mlx5_0/fw_ver"), "1.0\n");
    Files.writeString(port.resolve("state"), "4: ACTIVE\n");
    assertThatThrownBy(() -> SysClassInfiniband.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("counters");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'100 Gb/sec (4X EDR)\n', 12500000000",
    "'2.5 Gb/sec (1X SDR)', 312500000",
    "'56 Gb/sec (4X FDR)', 7000000000",
    // 32-bit precision, as procfs parses: 13.64 is 13.640000343...
    "'13.64 Gb/sec', 1705000042"
  })
  void ratesAsBytesPerSecond(String text, long bytes) {
    assertThat(SysClassInfiniband.rate("/r", text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "fast Gb/sec", "NaN Gb/sec", "1e40 Gb/sec", "-1 Gb/sec", "1f x"})
  void badRatesAreRefused(String text) {
    assertThatThrownBy(() -> SysClassInfiniband.rate("/r", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("/r: expected");
  }

  @Test
  void statesAndCounters() {
    assertThat(SysClassInfiniband.state("/s", "4: ACTIVE\n")).isEqualTo(4);
    assertThatThrownBy(() -> SysClassInfiniband.state("/s", "ACTIVE\n"))
        .hasMessage("/s: expected \"<id>: <name>\": \"ACTIVE\"");
    assertThatThrownBy(() -> SysClassInfiniband.state("/s", "x: ACTIVE\n"))
        .hasMessage("/s: not a number: \"x\"");
    assertThat(SysClassInfiniband.counter("/c", "N/A (no PMA)\n")).isEmpty();
    assertThat(SysClassInfiniband.counter("/c", "0x10\n")).hasValue(16L);
    assertThatThrownBy(() -> SysClassInfiniband.counter("/c", "N/A\n"))
        .hasMessage("/c: not a number: \"N/A\"");
  }
}
