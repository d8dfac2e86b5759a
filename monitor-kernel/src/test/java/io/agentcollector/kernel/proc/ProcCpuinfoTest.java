package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcCpuinfoTest {

  @Test
  void realCaptureFromTheBuildMachine() throws Exception {
    List<ProcCpuinfo.Processor> cpus =
        ProcCpuinfo.parse(Files.readString(Fixtures.path("proc/cpuinfo"))).processors();
    assertThat(cpus).hasSize(2);
    ProcCpuinfo.Processor p = cpus.get(1);
    assertThat(p.processor()).isEqualTo(1);
    assertThat(p.vendor()).isEqualTo("AuthenticAMD");
    assertThat(p.family()).isEqualTo("26");
    assertThat(p.model()).isEqualTo("2");
    assertThat(p.modelName()).isEqualTo("AMD EPYC");
    assertThat(p.stepping()).isEqualTo("1");
    assertThat(p.microcode()).as("not written in this VM").isEmpty();
    assertThat(p.cacheSize()).isEqualTo("1024 KB");
    assertThat(p.physicalId()).isEqualTo("0");
    assertThat(p.coreId()).isEqualTo("1");
    assertThat(p.flags()).hasSize(93).startsWith("fpu", "vme").contains("avx512f", "hypervisor");
    assertThat(p.bugs())
        .containsExactly(
            "cpu_meltdown",
            "spectre_v1",
            "spectre_v2",
            "spec_store_bypass",
            "srso",
            "spectre_v2_user");
  }

  @Test
  void unknownKeysAndEmptyValuesAreIgnored() {
    var cpus =
        ProcCpuinfo.parse(
                """
                processor\t: 0
                vendor\t: GenuineIntel
                future key\t: x
                power management:

                processor\t: 1
                """)
            .processors();
    assertThat(cpus).extracting(ProcCpuinfo.Processor::processor).containsExactly(0L, 1L);
    assertThat(cpus.get(0).vendor()).isEqualTo("GenuineIntel");
    assertThat(cpus.get(1).vendor()).isEmpty();
    assertThat(cpus.get(1).flags()).isEmpty();
  }

  @Test
  void emptyFileHasNoCpus() {
    assertThat(ProcCpuinfo.parse("").processors()).isEmpty();
  }

  @Test
  void malformedContentNamesLineAndValue() {
    assertThatThrownBy(() -> ProcCpuinfo.parse("vendor_id\t: AuthenticAMD\n"))
        .hasMessage(
            "/proc/cpuinfo line 1: bad value \"vendor_id\" in \"vendor_id\t: AuthenticAMD\","
                + " expected a block starting with \"processor : N\"");
    assertThatThrownBy(() -> ProcCpuinfo.parse("processor\t: 0\nmodel\t: 2\nprocessor\t: one\n"))
        .hasMessage(
            "/proc/cpuinfo line 3: bad value \"one\" in \"processor\t: one\", expected a CPU"
                + " number");
  }
}
