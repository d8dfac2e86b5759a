package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Cursor;
import java.util.ArrayList;
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
    List<String> available = new ArrayList<>(4);
    Cursor c = Cursor.overWhole(availableClocksource);
    if (c.nextLine()) {
      while (c.nextField()) {
        available.add(c.field());
      }
    }
    return new SysClocksource(List.copyOf(available), currentClocksource.strip());
  }
}
