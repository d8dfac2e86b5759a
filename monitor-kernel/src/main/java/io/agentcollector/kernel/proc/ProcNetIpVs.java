package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/ip_vs} (IPVS, {@code ip_vs_info_seq_show} in {@code
 * net/netfilter/ipvs/ip_vs_ctl.c}): virtual services ({@code TCP C0A80016:0CEA wlc}, {@code FWM
 * 10001000 wlc}, IPv6 as {@code [2620:0000:...:0001]:0050}) each followed by its real servers
 * ({@code -> C0A85216:0CEA Tunnel 100 248 2}: forwarding, weight, active and inactive connections).
 * Headers and unknown lines are ignored. Addresses are printed as Go's {@code net.IP} prints them
 * (node_exporter's labels). SCTP services are read like TCP and UDP ones; procfs skips their line
 * and files their servers under the service before.
 *
 * @param backends in file order
 */
public record ProcNetIpVs(List<Backend> backends) {

  /**
   * A real server of a virtual service.
   *
   * @param proto {@code TCP}, {@code UDP}, {@code SCTP} or {@code FWM}
   * @param localAddress the virtual address, "" for a firewall mark service
   * @param localPort the virtual port, 0 for a firewall mark service
   * @param localMark the firewall mark as written (hex), "" otherwise
   */
  public record Backend(
      String proto,
      String localAddress,
      int localPort,
      String localMark,
      String remoteAddress,
      int remotePort,
      long weight,
      long activeConn,
      long inactConn) {}

  private static final String FILE = "/proc/net/ip_vs";

  /** The virtual service the real server lines below it belong to. */
  private record Service(String proto, String address, int port, String mark) {}

  /** Parses the file's text. */
  public static ProcNetIpVs parse(String content) {
    List<Backend> out = new ArrayList<>();
    Service service = null;
    int lineNo = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      if (end < 0) {
        end = content.length();
      }
      lineNo++;
      String line = content.substring(start, end);
      start = end + 1;
      String[] f = Fields.split(line);
      if (f.length < 2) {
        continue;
      }
      switch (f[0]) {
        case "TCP", "UDP", "SCTP" -> {
          IpPort local = IpPort.parse(FILE, lineNo, f[1]);
          service = new Service(f[0], local.address(), local.port(), "");
        }
        case "FWM" -> service = new Service(f[0], "", 0, f[1]);
        case "->" -> {
          if (f.length >= 6 && !f[1].equals("RemoteAddress:Port")) {
            out.add(backend(service, f, line, lineNo));
          }
        }
        default -> {
          // the version line, the headers, protocols of newer kernels
        }
      }
    }
    return new ProcNetIpVs(List.copyOf(out));
  }

  private static Backend backend(Service service, String[] f, String line, int lineNo) {
    if (service == null) {
      throw new IllegalArgumentException(
          FILE + " line " + lineNo + ": a real server before any service: \"" + line + "\"");
    }
    IpPort remote = IpPort.parse(FILE, lineNo, f[1]);
    return new Backend(
        service.proto(),
        service.address(),
        service.port(),
        service.mark(),
        remote.address(),
        remote.port(),
        Fields.unsigned(FILE, lineNo, f[3], 0, f[3].length()),
        Fields.unsigned(FILE, lineNo, f[4], 0, f[4].length()),
        Fields.unsigned(FILE, lineNo, f[5], 0, f[5].length()));
  }
}
