package io.agentcollector.kernel.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /sys/dev/block/<major>:<minor>}: a link to the block device's sysfs directory, whose name
 * is the device's name in {@code /dev} (https://docs.kernel.org/admin-guide/sysfs-rules.html).
 * Answers {@code /dev/<name>}, as cAdvisor names devices, or {@code ""} when unknown. Devices do
 * not change names while present, so answers are cached.
 */
public final class SysDevBlock {

  private final Path sysDevBlock;
  private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

  /**
   * @param sys the sysfs root as the agent sees it
   */
  public SysDevBlock(Path sys) {
    this.sysDevBlock = sys.resolve("dev/block");
  }

  public String name(int major, int minor) {
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
