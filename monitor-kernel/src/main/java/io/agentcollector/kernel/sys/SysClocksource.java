package io.agentcollector.kernel.sys;

import java.util.Arrays;
import java.util.List;

/**
 * One {@code /sys/devices/system/clocksource/clocksource<N>/} directory: {@code
 * available_clocksource} (blank-separated names) and {@code current_clocksource}
 * (https://docs.kernel.org/admin-guide/clockSource.html... see also
 * https://www.kernel.org/doc/Documentation/ABI/testing/sysfs-devices-system-cpu, clocksource).
 */
public record SysClocksource(List<String> available, String current) {

  /** Parses the text of the two files. */
  public static SysClocksource parse(String availableClocksource, String currentClocksource) {
    String all = availableClocksource.strip();
    List<String> available = all.isEmpty() ? List.of() : Arrays.asList(all.split("\\s+"));
    return new SysClocksource(List.copyOf(available), currentClocksource.strip());
  }
}
