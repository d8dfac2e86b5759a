package io.agentcollector.kernel.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /proc/net/tcp} or {@code /proc/net/tcp6}, summed: sockets per connection state and the
 * bytes in their queues (https://docs.kernel.org/networking/proc_net_tcp.html; the layout and its
 * checks are {@link SocketTable}'s). The state numbers are the kernel's {@code TCP_ESTABLISHED} (1)
 * to {@code TCP_CLOSING} (11) of include/net/tcp_states.h. {@code tx_queue} is the bytes sent and
 * not yet acknowledged, {@code rx_queue} the bytes received and not yet read, or a listening
 * socket's accept queue length.
 */
public final class ProcNetTcp {

  private final long[] byState;
  private final long txQueue;
  private final long rxQueue;
  private final long sockets;

  private ProcNetTcp(SocketTable.Totals t) {
    byState = t.byState;
    txQueue = t.txQueue;
    rxQueue = t.rxQueue;
    sockets = t.sockets;
  }

  /**
   * The table at {@code path}, streamed; empty when the host has none (a kernel without IPv6 has no
   * {@code tcp6}). {@code file} names it in messages.
   */
  public static Optional<ProcNetTcp> readIfPresent(String file, Path path) throws IOException {
    return SocketTable.readIfPresent(file, path).map(ProcNetTcp::new);
  }

  /** Parses a table's text; {@code file} names it in messages. */
  public static ProcNetTcp parse(String file, String content) {
    return new ProcNetTcp(SocketTable.parse(file, content));
  }

  /** Sockets in the kernel's state number {@code state} (0 to 255). */
  public long sockets(int state) {
    return byState[state];
  }

  /** All sockets of the table. */
  public long sockets() {
    return sockets;
  }

  /** Sum of {@code tx_queue}, in bytes. */
  public long txQueue() {
    return txQueue;
  }

  /** Sum of {@code rx_queue}, in bytes (for listening sockets: connections waiting in accept). */
  public long rxQueue() {
    return rxQueue;
  }
}
