package io.agentcollector.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hostile or slow clients on raw sockets: each kind sends its bytes and then stalls. */
final class StalledClients implements AutoCloseable {

  /** What a stalled client sent before going quiet. */
  enum Kind {
    PARTIAL_REQUEST_LINE("GET /metr"),
    PARTIAL_HEADERS("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow"),
    POST_BODY_NEVER_SENT(
        "POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n"),
    TLS_CLIENT_HELLO_TO_PLAIN_PORT(
        "\u0016\u0003\u0001\u0000\u00c8\u0001\u0000\u0000\u00c4\u0003\u0003"
            + "abcdefghijklmnopqrstuvwxyz012345\u0000\u0000\u0002\u0013\u0001\u0001\u0000"),
    /** A whole request for the large plain exposition, whose answer is never read. */
    SLOW_READER("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\n\r\n");

    private final byte[] bytes;

    Kind(String text) {
      this.bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private final List<Socket> sockets = new ArrayList<>();

  static StalledClients open(int port, Kind kind, int count) throws IOException {
    StalledClients c = new StalledClients();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      if (kind == Kind.SLOW_READER) {
        s.setReceiveBufferSize(
            4096); // so the server's writes stall instead of landing in our buffer
      }
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = s.getOutputStream();
      out.write(kind.bytes);
      out.flush();
      c.sockets.add(s);
    }
    return c;
  }

  List<Socket> sockets() {
    return sockets;
  }

  @Override
  public void close() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
