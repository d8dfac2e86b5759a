package io.agentcollector.kernel.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /sys/class/dmi/id/}
 * (https://www.kernel.org/doc/Documentation/ABI/testing/sysfs-firmware-dmi-entries and {@code
 * drivers/firmware/dmi-id.c}): the SMBIOS strings of the machine, one attribute per file ({@code
 * bios_vendor}, {@code product_name}, {@code sys_vendor}, ...). Every regular file is read but
 * {@code modalias} and {@code uevent}; the serial numbers and {@code product_uuid} are root-only
 * and absent for others. Machines without DMI (ARM boards, Firecracker VMs) have no such directory:
 * no attributes.
 *
 * @param attributes file name to trimmed value, UTF-8, in name order
 */
public record SysClassDmiId(Map<String, String> attributes) {

  /** Reads {@code dir}, the {@code /sys/class/dmi/id} directory. */
  public static SysClassDmiId read(Path dir) throws IOException {
    Map<String, String> attributes = new TreeMap<>();
    for (String name : SysfsFiles.list(dir)) {
      Path file = dir.resolve(name);
      if (name.equals("modalias")
          || name.equals("uevent")
          || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Optional<String> value = SysfsFiles.readIfPresent(file);
      value.ifPresent(v -> attributes.put(name, parse(v)));
    }
    return new SysClassDmiId(java.util.Collections.unmodifiableMap(attributes));
  }

  /** An attribute's text as read ({@code KernelFiles} bytes): trimmed, valid UTF-8. */
  public static String parse(String content) {
    return SysfsFiles.label(SysfsFiles.trim(content));
  }
}
