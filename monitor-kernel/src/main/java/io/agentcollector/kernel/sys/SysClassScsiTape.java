package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /sys/class/scsi_tape/st<N>/stats/}: the I/O statistics of a SCSI tape drive
 * (https://docs.kernel.org/scsi/st.html, "Sysfs and statistics for tape devices"), one number per
 * file. Only the {@code st<N>} devices are read, as procfs 0.8.0 reads them (the {@code nst<N>},
 * {@code st<N>a} ... nodes are the same drive); a drive without a {@code stats} directory (before
 * Linux 4.2) or a counter file the kernel lacks reads as nothing or 0.
 *
 * @param name the device, {@code st0}
 * @param counters values per {@link #COUNTERS} file
 */
public record SysClassScsiTape(String name, long[] counters) {

  /** The statistics files, in the order of {@link #counters()}. */
  public static final List<String> COUNTERS =
      List.of(
          "in_flight",
          "io_ns",
          "other_cnt",
          "read_byte_cnt",
          "read_cnt",
          "read_ns",
          "resid_cnt",
          "write_byte_cnt",
          "write_cnt",
          "write_ns");

  /** The tape drives under {@code classScsiTape}; none without the st driver. */
  public static List<SysClassScsiTape> read(Path classScsiTape) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(classScsiTape)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (isTape(n)) {
          names.add(n);
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    names.sort(null);
    List<SysClassScsiTape> out = new ArrayList<>(names.size());
    for (String name : names) {
      Path stats = classScsiTape.resolve(name).resolve("stats");
      if (!Files.isDirectory(stats)) {
        continue;
      }
      long[] counters = new long[COUNTERS.size()];
      for (int i = 0; i < counters.length; i++) {
        Path file = stats.resolve(COUNTERS.get(i));
        Optional<String> text = KernelFiles.readIfPresent(file);
        counters[i] = text.isEmpty() ? 0 : number(file.toString(), text.get().strip());
      }
      out.add(new SysClassScsiTape(name, counters));
    }
    return List.copyOf(out);
  }

  /** A counter file's trimmed text: an unsigned decimal number, else a rejection naming it. */
  public static long number(String file, String text) {
    return Fields.unsigned(file, 1, text, 0, text.length());
  }

  /** {@code st} and digits only, as procfs's {@code ^st[0-9]+$}. */
  static boolean isTape(String name) {
    if (name.length() < 3 || !name.startsWith("st")) {
      return false;
    }
    for (int i = 2; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
