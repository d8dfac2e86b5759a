package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /proc/<pid>/mountstats}: a {@code device <dev> mounted on <dir> with fstype <type>} line
 * per mount of the process's namespace, in mountinfo's order; NFS mounts add {@code statvers=1.1}
 * and a block ended by a blank line (fs/nfs/super.c {@code nfs_show_stats}, net/sunrpc's {@code
 * rpc_clnt_show_stats}; https://utcc.utoronto.ca/~cks/space/blog/linux/NFSMountstatsIndex). Kept of
 * the block: {@code age:}, {@code bytes:} (8 counters), {@code events:} (27), the {@code xprt:}
 * line and the per-operation lines after {@code per-op statistics}. Lines and values a newer kernel
 * adds are ignored.
 *
 * @param mounts every mount, in file order
 */
public record ProcPidMountstats(List<Mount> mounts) {

  static final String FILE = "/proc/<pid>/mountstats";

  /**
   * @param device what was mounted: {@code server:/export} for NFS
   * @param nfs the statistics of an NFS (fstype {@code nfs} or {@code nfs4}) mount
   */
  public record Mount(String device, String mountPoint, String fsType, Optional<Nfs> nfs) {}

  /**
   * @param ageSeconds seconds since the mount
   * @param bytes read, write, direct read, direct write, server read, server write, read pages,
   *     write pages
   * @param events the 27 event counters, kernel order (inode revalidate ... pNFS write)
   * @param transport the last {@code xprt:} line
   * @param operations the per-operation lines
   */
  public record Nfs(
      String statVersion,
      long ageSeconds,
      long[] bytes,
      long[] events,
      Transport transport,
      List<Operation> operations) {}

  /**
   * The {@code xprt:} line, laid out as TCP's: port, bind count, connect count, connect time, idle
   * time (s), sends, receives, bad transaction ids, cumulative active requests, cumulative backlog,
   * maximum slots, cumulative sending queue, cumulative pending queue. UDP lacks the three
   * connection values (read as 0), statvers 1.0 the last three, RDMA has its own after the tenth
   * (not kept).
   */
  public record Transport(String protocol, long[] values) {}

  /**
   * @param values requests, transmissions, major timeouts, bytes sent, bytes received, queue ms,
   *     response ms, request ms, then errors where the kernel has them (9 values)
   */
  public record Operation(String name, long[] values) {}

  private static final Transport NO_TRANSPORT = new Transport("", new long[13]);

  /** Parses the file's text. */
  public static ProcPidMountstats parse(String content) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      // Every line ends with a newline: without one the last counter may be cut short.
      throw new IllegalArgumentException(FILE + ": no newline at the end, the file is cut short");
    }
    List<Mount> mounts = new ArrayList<>();
    String[] lines = lines(content);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("device")) {
        // Not a mount line (the NFS blocks are read by nfs()): skipped without splitting.
        continue;
      }
      String[] f = Fields.split(lines[i]);
      if (f.length == 0 || !f[0].equals("device")) {
        continue;
      }
      if (f.length < 8
          || !f[2].equals("mounted")
          || !f[3].equals("on")
          || !f[5].equals("with")
          || !f[6].equals("fstype")) {
        throw bad(i, "expected \"device <dev> mounted on <dir> with fstype <type>\"", lines[i]);
      }
      Optional<Nfs> nfs = Optional.empty();
      if (f.length > 8 && (f[7].equals("nfs") || f[7].equals("nfs4"))) {
        String version = f[8].startsWith("statvers=") ? f[8].substring(9) : f[8];
        int[] next = {i + 1};
        nfs = Optional.of(nfs(lines, next, version));
        i = next[0] - 1;
      }
      mounts.add(new Mount(f[1], f[4], f[7], nfs));
    }
    return new ProcPidMountstats(List.copyOf(mounts));
  }

  /** The NFS block from {@code at[0]} to its blank line; {@code at[0]} is left after it. */
  private static Nfs nfs(String[] lines, int[] at, String version) {
    long age = 0;
    long[] bytes = new long[8];
    long[] events = new long[27];
    Transport transport = NO_TRANSPORT;
    List<Operation> ops = new ArrayList<>();
    boolean perOp = false;
    int i = at[0];
    for (; i < lines.length; i++) {
      String[] f = Fields.split(lines[i]);
      if (f.length == 0 || f[0].equals("device")) {
        break;
      }
      if (perOp) {
        ops.add(operation(i, f, lines[i]));
        continue;
      }
      switch (f[0]) {
        case "age:" -> age = values(i, f, 1, 1, lines[i])[0];
        case "bytes:" -> bytes = values(i, f, 1, 8, lines[i]);
        case "events:" -> events = values(i, f, 1, 27, lines[i]);
        case "xprt:" -> transport = transport(i, f, lines[i]);
        case "per-op" -> perOp = true;
        default -> {
          // opts:, caps:, sec:, RPC iostats ...: not kept
        }
      }
    }
    at[0] = i;
    return new Nfs(version, age, bytes, events, transport, List.copyOf(ops));
  }

  private static Operation operation(int i, String[] f, String line) {
    if (f.length < 9 || !f[0].endsWith(":")) {
      throw bad(i, "expected \"<OPERATION>: <8 or more counters>\"", line);
    }
    String name = f[0].substring(0, f[0].length() - 1);
    return new Operation(name, values(i, f, 1, Math.min(f.length - 1, 9), line));
  }

  private static Transport transport(int i, String[] f, String line) {
    if (f.length < 2) {
      throw bad(i, "expected \"xprt: <protocol> <counters>\"", line);
    }
    String protocol = f[1];
    long[] v = new long[13];
    if (protocol.equals("udp")) {
      // port, bind, then what TCP has after connect count, connect time and idle time
      long[] u = values(i, f, 2, Math.min(f.length - 2, 10), line, 7);
      v[0] = u[0];
      v[1] = u[1];
      System.arraycopy(u, 2, v, 5, u.length - 2);
    } else {
      int keep = protocol.equals("rdma") ? 10 : 13;
      long[] t = values(i, f, 2, Math.min(f.length - 2, keep), line, 10);
      System.arraycopy(t, 0, v, 0, t.length);
    }
    return new Transport(protocol, v);
  }

  private static long[] values(int i, String[] f, int from, int count, String line) {
    return values(i, f, from, count, line, count);
  }

  /** {@code count} numbers from field {@code from}; fewer than {@code least} there is garbage. */
  private static long[] values(int i, String[] f, int from, int count, String line, int least) {
    if (f.length - from < least) {
      throw bad(i, (f.length - from) + " values where " + least + " were expected", line);
    }
    long[] v = new long[count];
    for (int k = 0; k < count; k++) {
      v[k] = Fields.unsigned(FILE, i + 1, f[from + k], 0, f[from + k].length());
    }
    return v;
  }

  private static String[] lines(String content) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      end = end < 0 ? content.length() : end;
      out.add(content.substring(start, end));
      start = end + 1;
    }
    return out.toArray(new String[0]);
  }

  private static IllegalArgumentException bad(int i, String what, String line) {
    return new IllegalArgumentException(
        FILE + " line " + (i + 1) + ": " + what + ", got \"" + line.strip() + "\"");
  }
}
