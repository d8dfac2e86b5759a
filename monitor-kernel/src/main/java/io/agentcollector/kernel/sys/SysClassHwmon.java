package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /sys/class/hwmon/hwmon<N>/}: one chip per directory, attributes named {@code
 * <type><N>_<property>} (https://docs.kernel.org/hwmon/sysfs-interface.html), plus those in its
 * {@code device/} directory where older drivers put them. Values are kept raw (millidegrees,
 * millivolts, ...); the collector converts them ({@link #number}). Unreadable attributes are
 * absent.
 */
public final class SysClassHwmon {

  /** A chip: its label, its {@code name} file and the attributes per sensor. */
  public record Chip(
      String chip, Optional<String> chipName, Map<String, Map<String, String>> sensors) {}

  /** {@code <type><N>_<property>}, as node_exporter splits it. */
  public record SensorFile(String type, int number, String property) {
    /** {@code <type><N>}, e.g. {@code temp1}. */
    public String sensor() {
      return type + number;
    }
  }

  private static final Pattern FILENAME = Pattern.compile("^([^0-9]+)([0-9]*)?(_(.+))?$");
  private static final Pattern INVALID_CHARS = Pattern.compile("[^a-z0-9:_]");
  private static final List<String> SENSOR_TYPES =
      List.of(
          "vrm",
          "beep_enable",
          "update_interval",
          "in",
          "cpu",
          "fan",
          "pwm",
          "temp",
          "curr",
          "power",
          "energy",
          "humidity",
          "intrusion");

  /** Attributes are read with a single read of this size, as node_exporter does. */
  private static final int MAX_ATTRIBUTE = 128;

  private SysClassHwmon() {}

  /** The chips under {@code classHwmon}; empty when the directory does not exist. */
  public static List<Chip> read(Path classHwmon) throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(classHwmon)) {
      ds.forEach(dirs::add);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    dirs.sort(null);
    List<Chip> chips = new ArrayList<>();
    for (Path dir : dirs) {
      if (Files.isDirectory(dir)) {
        chips.add(readChip(dir));
      }
    }
    return chips;
  }

  private static Chip readChip(Path dir) throws IOException {
    Map<String, Map<String, String>> sensors = new TreeMap<>();
    collect(dir, sensors);
    if (Files.isDirectory(dir.resolve("device"))) {
      collect(dir.resolve("device"), sensors);
    }
    return new Chip(chipLabel(dir), nameFile(dir), sensors);
  }

  /** node_exporter's cleanMetricName: lower case, [^a-z0-9:_] to _, no leading/trailing _. */
  public static String clean(String s) {
    String replaced = INVALID_CHARS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("_");
    int from = 0;
    int to = replaced.length();
    while (from < to && replaced.charAt(from) == '_') {
      from++;
    }
    while (to > from && replaced.charAt(to - 1) == '_') {
      to--;
    }
    return replaced.substring(from, to);
  }

  /** The parts of an attribute file name; empty if it has none. */
  public static Optional<SensorFile> explode(String filename) {
    Matcher m = FILENAME.matcher(filename);
    if (!m.matches()) {
      return Optional.empty();
    }
    int number = 0;
    if (m.group(2) != null && !m.group(2).isEmpty()) {
      try {
        number = Integer.parseInt(m.group(2));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new SensorFile(m.group(1), number, m.group(4) == null ? "" : m.group(4)));
  }

  /**
   * The {@code chip} label: {@code <parent>_<device>} of the resolved {@code device} link (stable
   * across reboots, unlike hwmonN), else the {@code name} file, else the directory name.
   */
  private static String chipLabel(Path dir) throws IOException {
    try {
      Path device = dir.resolve("device").toRealPath();
      String devName = clean(String.valueOf(device.getFileName()));
      Path parent = device.getParent();
      String devType = parent == null ? "" : clean(String.valueOf(parent.getFileName()));
      if (!devType.isEmpty() && !devName.isEmpty()) {
        return devType + "_" + devName;
      }
      if (!devName.isEmpty()) {
        return devName;
      }
    } catch (IOException e) {
      // no device link: fall through to the name file
    }
    Optional<String> name = nameFile(dir);
    if (name.isPresent()) {
      return name.get();
    }
    String last = clean(String.valueOf(dir.toRealPath().getFileName()));
    if (last.isEmpty()) {
      throw new IOException("no chip name for " + dir);
    }
    return last;
  }

  private static Optional<String> nameFile(Path dir) throws IOException {
    return KernelFiles.readIfPresent(dir.resolve("name"))
        .map(KernelFiles::utf8)
        .map(SysClassHwmon::clean)
        .filter(s -> !s.isEmpty());
  }

  private static void collect(Path dir, Map<String, Map<String, String>> sensors)
      throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path file : ds) {
        Optional<SensorFile> sf = explode(file.getFileName().toString());
        if (sf.isEmpty() || !SENSOR_TYPES.contains(sf.get().type())) {
          continue;
        }
        Optional<String> value = attribute(file);
        value.ifPresent(
            v ->
                sensors
                    .computeIfAbsent(sf.get().sensor(), k -> new TreeMap<>())
                    .put(sf.get().property(), v));
      }
    }
  }

  /** One read of at most 128 bytes (some drivers return EAGAIN forever), newlines trimmed. */
  private static Optional<String> attribute(Path file) {
    try (SeekableByteChannel ch = KernelFiles.open(file)) {
      ByteBuffer buf = ByteBuffer.allocate(MAX_ATTRIBUTE);
      int n = Math.max(ch.read(buf), 0);
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(buf.array(), 0, n))
              .toString();
      // Go's strings.ToValidUTF8 turns each run of invalid bytes into a single U+FFFD.
      return Optional.of(trimNewlines(s.replaceAll("\uFFFD+", "\uFFFD")));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // a directory, EAGAIN, EIO, ...: absent, like node_exporter
    }
  }

  /**
   * An attribute value as a number, like Go's strconv.ParseFloat: padded values and Java's f/d
   * suffixes are not numbers; empty for those, which the collector skips.
   */
  public static OptionalDouble number(String raw) {
    if (raw == null || raw.isEmpty() || !raw.strip().equals(raw) || raw.matches(".*[0-9.][fFdD]")) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(raw));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static String trimNewlines(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '\n') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '\n') {
      to--;
    }
    return s.substring(from, to);
  }
}
