package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /proc/spl/kstat/zfs/}: OpenZFS's kstats (module/os/linux/spl/spl-kstat.c {@code
 * kstat_seq_show}). Module-wide named kstats ({@code arcstats}, {@code zfetchstats}, ...) and per
 * pool directories with {@code objset-0x<id>} (named, one per dataset), {@code io} (ZFS before 2.1)
 * and {@code state}. A named kstat is a header line, a {@code name type data} line, then a {@code
 * <name> <type> <value>} row per value; node_exporter 1.5.0 keeps the rows of type 4
 * (KSTAT_DATA_UINT64), as here, and the dataset's name (type 7) of an objset. An io kstat is a
 * header line, a line of field names starting with {@code nread}, and a line of their values.
 */
public final class ProcSplKstatZfs {

  /** KSTAT_DATA_UINT64, the only type node_exporter reads; others (int64, string) are skipped. */
  private static final String UINT64 = "4";

  /**
   * A named kstat.
   *
   * @param names the uint64 rows' names, in file order
   * @param values their values
   * @param datasetName the {@code dataset_name} row of an objset, else empty
   */
  public record Named(List<String> names, long[] values, String datasetName) {}

  /** An io kstat: field names ({@code nread}, {@code nwritten}, ...) and values. */
  public record Io(List<String> names, long[] values) {}

  /**
   * A pool's directory.
   *
   * @param io its {@code io} file, if the ZFS version has one
   * @param objsets its {@code objset-*} files, sorted
   * @param state its {@code state} file, if it has one
   */
  public record Pool(String name, Path io, List<Path> objsets, Path state) {}

  private ProcSplKstatZfs() {}

  /** Parses a named kstat; {@code file} names it in rejections. */
  public static Named parseNamed(String file, String content) {
    List<String> names = new ArrayList<>();
    long[] values = new long[64];
    String dataset = "";
    boolean header = false;
    int line = 0;
    for (int start = 0; start < content.length(); ) {
      int end = lineEnd(content, start);
      line++;
      String[] f = Fields.split(content, start, end);
      start = end + 1;
      if (!header) {
        header = f.length == 3 && f[0].equals("name") && f[1].equals("type") && f[2].equals("data");
      } else if (f.length >= 3 && f[0].equals("dataset_name")) {
        dataset = f[2];
      } else if (f.length >= 3 && f[1].equals(UINT64)) {
        if (names.size() == values.length) {
          values = Arrays.copyOf(values, values.length * 2);
        }
        values[names.size()] = Fields.unsigned(file, line, f[2], 0, f[2].length());
        names.add(f[0]);
      }
    }
    if (!header) {
      throw new IllegalArgumentException(file + ": no \"name type data\" line");
    }
    return new Named(List.copyOf(names), Arrays.copyOf(values, names.size()), dataset);
  }

  /** Parses an io kstat: the values are on the line after the one starting with {@code nread}. */
  public static Io parseIo(String file, String content) {
    int line = 0;
    for (int start = 0; start < content.length(); ) {
      int end = lineEnd(content, start);
      line++;
      String[] names = Fields.split(content, start, end);
      start = end + 1;
      if (names.length >= 12 && names[0].equals("nread")) {
        String[] v =
            start < content.length()
                ? Fields.split(content, start, lineEnd(content, start))
                : new String[0];
        if (v.length < names.length) {
          throw new IllegalArgumentException(
              file
                  + " line "
                  + (line + 1)
                  + ": "
                  + v.length
                  + " values for "
                  + names.length
                  + " fields");
        }
        long[] values = new long[names.length];
        for (int k = 0; k < names.length; k++) {
          values[k] = Fields.unsigned(file, line + 1, v[k], 0, v[k].length());
        }
        return new Io(List.of(names), values);
      }
    }
    // node_exporter reads nothing from an io file without its field line, and fails not.
    return new Io(List.of(), new long[0]);
  }

  private static int lineEnd(String s, int from) {
    int end = s.indexOf('\n', from);
    return end < 0 ? s.length() : end;
  }

  /** The pools under {@code zfs} ({@code /proc/spl/kstat/zfs}), by name; none without ZFS. */
  public static List<Pool> pools(Path zfs) throws IOException {
    List<Pool> pools = new ArrayList<>();
    for (Path dir : list(zfs)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Path io = null;
      Path state = null;
      List<Path> objsets = new ArrayList<>();
      for (Path p : list(dir)) {
        String n = p.getFileName().toString();
        if (n.equals("io")) {
          io = p;
        } else if (n.equals("state")) {
          state = p;
        } else if (n.startsWith("objset-")) {
          objsets.add(p);
        }
      }
      pools.add(new Pool(dir.getFileName().toString(), io, List.copyOf(objsets), state));
    }
    return List.copyOf(pools);
  }

  private static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(out::add);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    out.sort(null);
    return out;
  }
}
