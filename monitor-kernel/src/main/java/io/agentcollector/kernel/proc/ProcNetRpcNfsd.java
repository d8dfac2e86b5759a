package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.proc.ProcNetRpcNfs.Network;
import java.util.List;
import java.util.Set;

/**
 * {@code /proc/net/rpc/nfsd}: the NFS server's statistics (fs/nfsd/stats.c {@code nfsd_show},
 * https://www.svennd.be/nfsd-stats-explained-procnetrpcnfsd/). Lines: {@code rc} (reply cache hits,
 * misses, uncached), {@code fh} (stale file handles first), {@code io} (bytes read, written),
 * {@code th} (threads, then a histogram), {@code ra} (read-ahead cache size, 10 depths, not found;
 * all zeros in newer kernels, which dropped that cache), {@code net}, {@code rpc} (calls, bad
 * calls, bad format, bad auth, bad client), {@code proc2}/{@code proc3} and {@code proc4ops} (calls
 * per procedure or operation after their count). A missing line reads as zeros, as procfs 0.8.0
 * leaves it.
 *
 * @param replyCache hits, misses, uncached ({@code rc})
 * @param fileHandlesStale stale file handles ({@code fh}'s first value)
 * @param bytesRead bytes read from disk ({@code io})
 * @param bytesWritten bytes written to disk ({@code io})
 * @param threads server threads ({@code th}'s first value)
 * @param readAheadCacheSize {@code ra}'s first value
 * @param readAheadNotFound {@code ra}'s twelfth value
 * @param network the {@code net} line
 * @param rpc calls, bad calls, bad format, bad auth, bad client ({@code rpc})
 * @param proc2 calls per {@link ProcNetRpcNfs#PROC2} procedure
 * @param proc3 calls per {@link ProcNetRpcNfs#PROC3} procedure
 * @param proc4ops calls per {@link #PROC4OPS} operation
 */
public record ProcNetRpcNfsd(
    long[] replyCache,
    long fileHandlesStale,
    long bytesRead,
    long bytesWritten,
    long threads,
    long readAheadCacheSize,
    long readAheadNotFound,
    Network network,
    long[] rpc,
    long[] proc2,
    long[] proc3,
    long[] proc4ops) {

  static final String FILE = "/proc/net/rpc/nfsd";

  /**
   * NFSv4.0 operations by number (RFC 7530 section 16: the kernel counts each operation at its
   * number), named as procfs names them. procfs 0.8.0 (node_exporter 1.5.0) left out 35 and 36
   * (SETCLIENTID, SETCLIENTID_CONFIRM), which shifted VERIFY, WRITE and RELEASE_LOCKOWNER by two;
   * later procfs releases list them, as here.
   */
  public static final List<String> PROC4OPS =
      List.of(
          "Op0Unused",
          "Op1Unused",
          "Op2Future",
          "Access",
          "Close",
          "Commit",
          "Create",
          "DelegPurge",
          "DelegReturn",
          "GetAttr",
          "GetFH",
          "Link",
          "Lock",
          "Lockt",
          "Locku",
          "Lookup",
          "LookupRoot",
          "Nverify",
          "Open",
          "OpenAttr",
          "OpenConfirm",
          "OpenDgrd",
          "PutFH",
          "PutPubFH",
          "PutRootFH",
          "Read",
          "ReadDir",
          "ReadLink",
          "Remove",
          "Rename",
          "Renew",
          "RestoreFH",
          "SaveFH",
          "SecInfo",
          "SetAttr",
          "SetClientID",
          "SetClientIDConfirm",
          "Verify",
          "Write",
          "RelLockOwner");

  private static final Set<String> KNOWN =
      Set.of("rc", "fh", "io", "th", "ra", "net", "rpc", "proc2", "proc3", "proc4ops");

  /** Parses the file's text. */
  public static ProcNetRpcNfsd parse(String content) {
    long[][] v = new long[KNOWN.size()][];
    RpcStatLines.parse(
        FILE,
        content,
        KNOWN,
        "th",
        (label, values, n, line) -> {
          int min =
              switch (label) {
                case "rc" -> 3;
                case "fh", "rpc" -> 5;
                case "io", "th" -> 2;
                case "ra" -> 12;
                case "net" -> 4;
                default -> -1;
              };
          if (min > 0) {
            v[slot(label)] = RpcStatLines.atLeast(FILE, line, label, values, n, min);
          } else {
            int size = label.equals("proc4ops") ? PROC4OPS.size() : label.equals("proc2") ? 18 : 22;
            int least = label.equals("proc4ops") ? 39 : size;
            v[slot(label)] = RpcStatLines.procedures(FILE, line, label, values, n, least, size);
          }
        });
    long[] ra = orZeros(v, "ra", 12);
    long[] io = orZeros(v, "io", 2);
    return new ProcNetRpcNfsd(
        orZeros(v, "rc", 3),
        orZeros(v, "fh", 5)[0],
        io[0],
        io[1],
        orZeros(v, "th", 2)[0],
        ra[0],
        ra[11],
        Network.of(orZeros(v, "net", 4)),
        orZeros(v, "rpc", 5),
        orZeros(v, "proc2", 18),
        orZeros(v, "proc3", 22),
        orZeros(v, "proc4ops", PROC4OPS.size()));
  }

  private static int slot(String label) {
    return switch (label) {
      case "rc" -> 0;
      case "fh" -> 1;
      case "io" -> 2;
      case "th" -> 3;
      case "ra" -> 4;
      case "net" -> 5;
      case "rpc" -> 6;
      case "proc2" -> 7;
      case "proc3" -> 8;
      default -> 9;
    };
  }

  private static long[] orZeros(long[][] v, String label, int size) {
    long[] got = v[slot(label)];
    return got == null ? new long[size] : got;
  }
}
