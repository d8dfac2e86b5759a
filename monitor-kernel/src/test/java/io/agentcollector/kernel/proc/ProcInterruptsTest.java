package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcInterruptsTest {

  @Test
  void realCaptureOfTwoCpus() throws Exception {
    ProcInterrupts p = ProcInterrupts.parse(Files.readString(Fixtures.path("proc/interrupts")));
    assertThat(p.cpus()).isEqualTo(2);
    assertThat(p.interrupts()).as("ERR, MIS have no details and are left out").hasSize(33);
    ProcInterrupts.Interrupt ttyS0 = p.interrupts().get(2);
    assertThat(ttyS0.name()).isEqualTo("26");
    assertThat(ttyS0.counts()).containsExactly(0, 17);
    assertThat(ttyS0.info()).isEqualTo("IO-APIC");
    assertThat(ttyS0.devices()).isEqualTo("4-edge ttyS0");
    ProcInterrupts.Interrupt loc =
        p.interrupts().stream().filter(i -> i.name().equals("LOC")).findFirst().orElseThrow();
    assertThat(loc.info()).isEqualTo("Local timer interrupts");
    assertThat(loc.devices()).isEmpty();
    assertThat(loc.counts()).containsExactly(8226350, 8211715);
  }

  @Test
  void detailsAreSplitAsNodeExporterSplitsThem() {
    ProcInterrupts p =
        ProcInterrupts.parse(
            "           CPU0       CPU1       CPU2\n"
                + "  0:         45          0          0   IO-APIC   2-edge      timer\n"
                + "  8:          0          0          1   IO-APIC   8-edge\n"
                + " 16:          0          0          0   IO-APIC  16-fasteoi   ehci_hcd:usb1,"
                + " uhci_hcd:usb2\n"
                + "NMI:        1          2          3   Non-maskable   interrupts\n"
                + "IPI5:       7          8          9   IRQ work interrupts\n"
                + "ERR:          0\n"
                + " 17:          0          0   IO-APIC\n");
    assertThat(p.interrupts())
        .extracting(ProcInterrupts.Interrupt::name)
        .containsExactly("0", "8", "16", "NMI", "IPI5");
    assertThat(p.interrupts().get(1).devices()).isEqualTo("8-edge");
    assertThat(p.interrupts().get(2).devices())
        .isEqualTo("16-fasteoi ehci_hcd:usb1, uhci_hcd:usb2");
    assertThat(p.interrupts().get(3).info()).isEqualTo("Non-maskable interrupts");
    assertThat(p.interrupts().get(4).counts()).containsExactly(7, 8, 9);
  }

  @Test
  void aLineLeftOutIsNotChecked() {
    // node_exporter parses only the lines it keeps.
    assertThat(ProcInterrupts.parse("CPU0 CPU1\nERR: x\n").interrupts()).isEmpty();
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("empty", "", "/proc/interrupts: no header line of CPU columns"),
        Arguments.of(
            "blank header", "\n 0: 1 timer\n", "/proc/interrupts: no header line of CPU columns"),
        Arguments.of(
            "a count that is no number",
            "CPU0 CPU1\n 0: 45 4x5 IO-APIC 2-edge timer\n",
            "/proc/interrupts line 2: not a number: \"4x5\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileLineAndValue(String name, String content, String message) {
    assertThatThrownBy(() -> ProcInterrupts.parse(content)).hasMessage(message);
  }
}
