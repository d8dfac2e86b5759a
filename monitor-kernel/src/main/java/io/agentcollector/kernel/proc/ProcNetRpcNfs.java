package io.agentcollector.kernel.proc;

import java.util.List;
import java.util.Set;

/**
 * {@code /proc/net/rpc/nfs}: the NFS client's RPC statistics (net/sunrpc/stats.c {@code
 * rpc_proc_show}, fs/nfs's procedure tables). Lines: {@code net} (packets, UDP, TCP, TCP
 * connections), {@code rpc} (calls, retransmissions, authentication refreshes) and {@code
 * proc2}/{@code proc3}/{@code proc4} (calls per procedure, after their count). A missing line reads
 * as zeros, as procfs 0.8.0 leaves it; procedures a newer kernel appends are ignored, those an
 * older one lacks are 0.
 *
 * @param network the {@code net} line
 * @param rpc the {@code rpc} line
 * @param proc2 calls per {@link #PROC2} procedure
 * @param proc3 calls per {@link #PROC3} procedure
 * @param proc4 calls per {@link #PROC4} procedure
 */
public record ProcNetRpcNfs(Network network, Rpc rpc, long[] proc2, long[] proc3, long[] proc4) {

  static final String FILE = "/proc/net/rpc/nfs";

  /** NFSv2 procedures in column order, named as procfs names them. */
  public static final List<String> PROC2 =
      List.of(
          "Null",
          "GetAttr",
          "SetAttr",
          "Root",
          "Lookup",
          "ReadLink",
          "Read",
          "WrCache",
          "Write",
          "Create",
          "Remove",
          "Rename",
          "Link",
          "SymLink",
          "MkDir",
          "RmDir",
          "ReadDir",
          "FsStat");

  /** NFSv3 procedures in column order. */
  public static final List<String> PROC3 =
      List.of(
          "Null",
          "GetAttr",
          "SetAttr",
          "Lookup",
          "Access",
          "ReadLink",
          "Read",
          "Write",
          "Create",
          "MkDir",
          "SymLink",
          "MkNod",
          "Remove",
          "RmDir",
          "Rename",
          "Link",
          "ReadDir",
          "ReadDirPlus",
          "FsStat",
          "FsInfo",
          "PathConf",
          "Commit");

  /** The NFSv4 client's procedures in column order (fs/nfs/nfs4xdr.c's table up to Clone). */
  public static final List<String> PROC4 =
      List.of(
          "Null",
          "Read",
          "Write",
          "Commit",
          "Open",
          "OpenConfirm",
          "OpenNoattr",
          "OpenDowngrade",
          "Close",
          "Setattr",
          "FsInfo",
          "Renew",
          "SetClientID",
          "SetClientIDConfirm",
          "Lock",
          "Lockt",
          "Locku",
          "Access",
          "Getattr",
          "Lookup",
          "LookupRoot",
          "Remove",
          "Rename",
          "Link",
          "Symlink",
          "Create",
          "Pathconf",
          "StatFs",
          "ReadLink",
          "ReadDir",
          "ServerCaps",
          "DelegReturn",
          "GetACL",
          "SetACL",
          "FsLocations",
          "ReleaseLockowner",
          "Secinfo",
          "FsidPresent",
          "ExchangeID",
          "CreateSession",
          "DestroySession",
          "Sequence",
          "GetLeaseTime",
          "ReclaimComplete",
          "LayoutGet",
          "GetDeviceInfo",
          "LayoutCommit",
          "LayoutReturn",
          "SecinfoNoName",
          "TestStateID",
          "FreeStateID",
          "GetDeviceList",
          "BindConnToSession",
          "DestroyClientID",
          "Seek",
          "Allocate",
          "DeAllocate",
          "LayoutStats",
          "Clone");

  private static final Set<String> KNOWN = Set.of("net", "rpc", "proc2", "proc3", "proc4");

  /**
   * The {@code net} line, the same in /proc/net/rpc/nfsd.
   *
   * @param packets all packets
   * @param udpPackets UDP packets
   * @param tcpPackets TCP packets
   * @param tcpConnections TCP connections made
   */
  public record Network(long packets, long udpPackets, long tcpPackets, long tcpConnections) {

    static Network of(long[] v) {
      return new Network(v[0], v[1], v[2], v[3]);
    }
  }

  /** The client's {@code rpc} line. */
  public record Rpc(long calls, long retransmissions, long authRefreshes) {}

  /** Parses the file's text. */
  public static ProcNetRpcNfs parse(String content) {
    long[][] net = {new long[4]};
    long[][] rpc = {new long[3]};
    long[] proc2 = new long[PROC2.size()];
    long[] proc3 = new long[PROC3.size()];
    long[] proc4 = new long[PROC4.size()];
    RpcStatLines.parse(
        FILE,
        content,
        KNOWN,
        null,
        (label, v, n, line) -> {
          switch (label) {
            case "net" -> net[0] = RpcStatLines.atLeast(FILE, line, label, v, n, 4);
            case "rpc" -> rpc[0] = RpcStatLines.atLeast(FILE, line, label, v, n, 3);
            case "proc2" -> copy(RpcStatLines.procedures(FILE, line, label, v, n, 18, 18), proc2);
            case "proc3" -> copy(RpcStatLines.procedures(FILE, line, label, v, n, 22, 22), proc3);
            default -> copy(RpcStatLines.procedures(FILE, line, label, v, n, 0, 59), proc4);
          }
        });
    return new ProcNetRpcNfs(
        Network.of(net[0]), new Rpc(rpc[0][0], rpc[0][1], rpc[0][2]), proc2, proc3, proc4);
  }

  private static void copy(long[] from, long[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }
}
