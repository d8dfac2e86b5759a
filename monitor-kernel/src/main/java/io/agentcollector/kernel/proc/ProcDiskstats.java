package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Names;
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

  /** Where a parse gives the devices, without a map or a boxed value per counter. */
  @FunctionalInterface
  public interface DeviceConsumer {
    /**
     * @param name the shared instance of the device's name, from call to call
     * @param values the line's counters in {@link Field} order, in base units: the first {@code
     *     count}; the array is reused for the next line
     */
    void accept(int major, int minor, String name, double[] values, int count);
  }

  /** Device names: shared while they stay, replaced as devices come and go. */
  private static final Names NAMES = new Names(256);

  private static final Field[] FIELDS = Field.values();

  /** Parses the file's text. */
  public static ProcDiskstats parse(String content) {
    List<Device> out = new ArrayList<>();
    parse(
        content,
        (major, minor, name, values, count) -> {
          Map<Field, Double> map = new EnumMap<>(Field.class);
          for (int i = 0; i < count; i++) {
            map.put(FIELDS[i], values[i]);
          }
          out.add(new Device(major, minor, name, Collections.unmodifiableMap(map)));
        });
    return new ProcDiskstats(List.copyOf(out));
  }

  /**
   * Parses the file's text into {@code each}, line by line: for a collector that maps it every
   * cycle. Garbage is refused as by {@link #parse(String)}, possibly after some devices were given.
   */
  public static void parse(String content, DeviceConsumer each) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(
          "/proc/diskstats: no newline at the end, the file is cut short");
    }
    double[] values = new double[FIELDS.length];
    Cursor c = new Cursor(content);
    while (c.nextLine()) {
      if (!c.isBlank()) {
        line(c, values, each);
      }
    }
  }

  private static void line(Cursor c, double[] values, DeviceConsumer each) {
    int n = c.lineNumber();
    int columns = c.fieldsLeft();
    if (columns < OLDEST_COLUMNS) {
      throw new IllegalArgumentException(
          "/proc/diskstats line "
              + n
              + ": "
              + columns
              + " columns, expected "
              + OLDEST_COLUMNS
              + " or more: \""
              + c.line()
              + "\"");
    }
    c.nextField();
    int major = c.start();
    int majorEnd = c.end();
    c.nextField();
    int minor = c.start();
    int minorEnd = c.end();
    c.nextField();
    String name = c.field(NAMES);
    int count = Math.min(columns - FIXED_COLUMNS, FIELDS.length);
    for (int i = 0; i < count; i++) {
      c.nextField();
      values[i] = unsigned(number(c, c.start(), c.end())) * FIELDS[i].factor;
    }
    // The counters are checked before major and minor, as they always were.
    each.accept(
        (int) number(c, major, majorEnd), (int) number(c, minor, minorEnd), name, values, count);
  }

  private static long number(Cursor c, int from, int to) {
    try {
      return Long.parseUnsignedLong(c.text(), from, to, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "/proc/diskstats line "
              + c.lineNumber()
              + ": \""
              + c.text().substring(from, to)
              + "\" is not a counter");
    }
  }

  /** The kernel's counters are unsigned 64-bit, as Go's float64(uint64) reads them. */
  public static double unsigned(long v) {
    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
  }
}
