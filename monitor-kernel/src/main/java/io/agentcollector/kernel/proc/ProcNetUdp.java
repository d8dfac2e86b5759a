package io.agentcollector.kernel.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /proc/net/udp} or {@code /proc/net/udp6}, summed: the bytes the kernel holds in the
 * sockets' send and receive queues, as prometheus/procfs's {@code NetUDPSummary}
 * (https://docs.kernel.org/networking/proc_net_tcp.html describes the shared layout; the checks are
 * {@link SocketTable}'s). The queues count the memory charged for the datagrams (their buffers
 * included), not only their payload.
 *
 * @param txQueue sum of {@code tx_queue}, bytes
 * @param rxQueue sum of {@code rx_queue}, bytes
 * @param sockets the sockets of the table
 */
public record ProcNetUdp(long txQueue, long rxQueue, long sockets) {

  private ProcNetUdp(SocketTable.Totals t) {
    this(t.txQueue, t.rxQueue, t.sockets);
  }

  /**
   * The table at {@code path}, streamed; empty when the host has none (a kernel without IPv6 has no
   * {@code udp6}). {@code file} names it in messages.
   */
  public static Optional<ProcNetUdp> readIfPresent(String file, Path path) throws IOException {
    return SocketTable.readIfPresent(file, path).map(ProcNetUdp::new);
  }

  /** Parses a table's text; {@code file} names it in messages. */
  public static ProcNetUdp parse(String file, String content) {
    return new ProcNetUdp(SocketTable.parse(file, content));
  }
}
