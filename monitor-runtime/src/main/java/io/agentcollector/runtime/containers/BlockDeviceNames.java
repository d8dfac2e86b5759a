package io.agentcollector.runtime.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code major:minor} → {@code /dev/<name>} through sysfs' {@code /sys/dev/block/<maj>:<min>}
 * links, as cAdvisor names devices; {@code ""} when unknown. Devices do not change names while
 * present, so answers are cached.
 */
final class BlockDeviceNames {

  private final Path sysDevBlock;
  private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

  BlockDeviceNames(Path sys) {
    this.sysDevBlock = sys.resolve("dev/block");
  }

  String name(int major, int minor) {
    return cache.computeIfAbsent(major + ":" + minor, this::resolve);
  }

  private String resolve(String majMin) {
    try {
      Path target = Files.readSymbolicLink(sysDevBlock.resolve(majMin));
      return "/dev/" + target.getFileName();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }
}
