package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /sys/fs/btrfs/<fsid>/}: one directory per mounted btrfs filesystem
 * (https://docs.kernel.org/filesystems/btrfs.html, fs/btrfs/sysfs.c): {@code label}, {@code
 * metadata_uuid}, {@code allocation/global_rsv_size}, per block group type {@code
 * allocation/<data|metadata|system>/bytes_reserved} and a directory per RAID profile in use with
 * its {@code total_bytes} and {@code used_bytes}, and {@code devices/<name>/} (the member block
 * devices) with their {@code size} in 512-byte sectors. Read as procfs reads it: a missing or
 * refused attribute is 0, a directory without a dash in its name ({@code features}) is no
 * filesystem; a value that is no number is refused naming the file.
 *
 * @param uuid {@code metadata_uuid}, else the directory's name
 * @param deviceSizes bytes per member device name
 */
public record SysFsBtrfs(
    String uuid,
    String label,
    long globalRsvSizeBytes,
    List<BlockGroup> blockGroups,
    Map<String, Long> deviceSizes) {

  /**
   * Space of one block group type.
   *
   * @param type {@code data}, {@code metadata} or {@code system}
   * @param layouts the RAID profiles in use, by name
   */
  public record BlockGroup(String type, long reservedBytes, List<Layout> layouts) {}

  /**
   * One RAID profile of a block group type.
   *
   * @param mode the profile: {@code single}, {@code dup}, {@code raid1}, ...
   * @param ratio bytes on disk per byte stored: 1 for single and raid0, 2 for dup, raid1 and
   *     raid10, 3 and 4 for raid1c3 and raid1c4, n/(n-1) and n/(n-2) for raid5 and raid6 over n
   *     devices, 0 for a profile not known here
   */
  public record Layout(String mode, long totalBytes, long usedBytes, double ratio) {}

  private static final List<String> TYPES = List.of("data", "metadata", "system");

  /** The filesystems under {@code sysFsBtrfs}; empty when btrfs is not loaded. */
  public static List<SysFsBtrfs> read(Path sysFsBtrfs) throws IOException {
    List<SysFsBtrfs> out = new ArrayList<>();
    for (String name : list(sysFsBtrfs, false)) {
      if (name.indexOf('-') >= 0) {
        out.add(readFilesystem(sysFsBtrfs.resolve(name)));
      }
    }
    return List.copyOf(out);
  }

  private static SysFsBtrfs readFilesystem(Path dir) throws IOException {
    Map<String, Long> devices = new TreeMap<>();
    for (String device : list(dir.resolve("devices"), false)) {
      // The kernel counts in 512-byte sectors, whatever the device's block size.
      devices.put(device, 512 * number(dir.resolve("devices").resolve(device).resolve("size")));
    }
    String uuid =
        SysfsAttributes.read(dir.resolve("metadata_uuid"))
            .filter(s -> !s.isEmpty())
            .orElse(dir.getFileName().toString());
    Path allocation = dir.resolve("allocation");
    List<BlockGroup> groups = new ArrayList<>(TYPES.size());
    for (String type : TYPES) {
      Path group = allocation.resolve(type);
      List<Layout> layouts = new ArrayList<>();
      for (String mode : list(group, true)) {
        Path m = group.resolve(mode);
        layouts.add(
            new Layout(
                mode,
                number(m.resolve("total_bytes")),
                number(m.resolve("used_bytes")),
                ratio(mode, devices.size())));
      }
      groups.add(
          new BlockGroup(type, number(group.resolve("bytes_reserved")), List.copyOf(layouts)));
    }
    return new SysFsBtrfs(
        uuid,
        SysfsAttributes.read(dir.resolve("label")).orElse(""),
        number(allocation.resolve("global_rsv_size")),
        List.copyOf(groups),
        Map.copyOf(devices));
  }

  /** Bytes on disk per byte stored in profile {@code mode} over {@code devices} devices. */
  static double ratio(String mode, int devices) {
    return switch (mode) {
      case "single", "raid0" -> 1;
      case "dup", "raid1", "raid10" -> 2;
      case "raid1c3" -> 3;
      case "raid1c4" -> 4;
      case "raid5" -> devices / (devices - 1.0);
      case "raid6" -> devices / (devices - 2.0);
      default -> 0;
    };
  }

  /** A numeric attribute; 0 when the file is missing or refused, as procfs reads it. */
  private static long number(Path file) {
    Optional<String> text = SysfsAttributes.read(file);
    return text.isEmpty() ? 0 : number(file.toString(), text.get());
  }

  /** The unsigned decimal number of an attribute's trimmed text, else a rejection naming it. */
  public static long number(String file, String text) {
    return Fields.unsigned(file, 1, text, 0, text.length());
  }

  /** Sorted names in {@code dir} (only subdirectories if asked); none if it does not exist. */
  private static List<String> list(Path dir, boolean directoriesOnly) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!directoriesOnly || Files.isDirectory(p)) {
          names.add(p.getFileName().toString());
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }
}
