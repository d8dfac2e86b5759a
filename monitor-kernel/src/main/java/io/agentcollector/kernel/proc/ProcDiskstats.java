package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/diskstats} (https://docs.kernel.org/admin-guide/iostats.html): major, minor, device
 * name, then 11 counters, 15 since Linux 4.18 (discards) or 17 since 5.5 (flushes), i.e. 14, 18 or
 * 20 columns. Columns past the 17th counter (newer kernels) are ignored. A line with fewer than 14
 * columns or a file without its final newline is refused as cut short.
 */
public record ProcDiskstats(List<Device> devices) {

  /**
   * The counters in the kernel's column order, with the factor that converts them once to base
   * units: sectors are always 512 bytes whatever the device's block size (block/stat.rst), times
   * are milliseconds. Multiplying by 0.001, as node_exporter does, keeps values bit-identical.
   */
  public enum Field {
    READS_COMPLETED(1),
    READS_MERGED(1),
    READ_BYTES(512),
    READ_TIME_SECONDS(0.001),
    WRITES_COMPLETED(1),
    WRITES_MERGED(1),
    WRITTEN_BYTES(512),
    WRITE_TIME_SECONDS(0.001),
    IO_NOW(1),
    IO_TIME_SECONDS(0.001),
    IO_TIME_WEIGHTED_SECONDS(0.001),
    DISCARDS_COMPLETED(1),
    DISCARDS_MERGED(1),
    // node_exporter exposes discarded sectors as sectors, not bytes.
    DISCARDED_SECTORS(1),
    DISCARD_TIME_SECONDS(0.001),
    FLUSH_REQUESTS(1),
    FLUSH_TIME_SECONDS(0.001);

    /** Multiplier from the kernel's unit to the base unit. */
    public final double factor;

    Field(double factor) {
      this.factor = factor;
    }
  }

  /** One line; {@code values} holds the fields this kernel has, in base units. */
  public record Device(int major, int minor, String name, Map<Field, Double> values) {}

  private static final int FIXED_COLUMNS = 3;
  private static final int OLDEST_COLUMNS = FIXED_COLUMNS + 11;

  /** Parses the file's text. */
  public static ProcDiskstats parse(String content) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(
          "/proc/diskstats: no newline at the end, the file is cut short");
    }
    List<Device> out = new ArrayList<>();
    Field[] fields = Field.values();
    String[] lines = content.split("\n");
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < OLDEST_COLUMNS) {
        throw new IllegalArgumentException(
            "/proc/diskstats line "
                + n
                + ": "
                + f.length
                + " columns, expected "
                + OLDEST_COLUMNS
                + " or more: \""
                + line
                + "\"");
      }
      Map<Field, Double> values = new EnumMap<>(Field.class);
      for (int i = 0; i < Math.min(f.length - FIXED_COLUMNS, fields.length); i++) {
        values.put(fields[i], unsigned(number(f[FIXED_COLUMNS + i], n)) * fields[i].factor);
      }
      out.add(
          new Device(
              (int) number(f[0], n),
              (int) number(f[1], n),
              f[2],
              Collections.unmodifiableMap(values)));
    }
    return new ProcDiskstats(List.copyOf(out));
  }

  private static long number(String s, int line) {
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "/proc/diskstats line " + line + ": \"" + s + "\" is not a counter");
    }
  }

  /** The kernel's counters are unsigned 64-bit, as Go's float64(uint64) reads them. */
  public static double unsigned(long v) {
    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
  }
}
