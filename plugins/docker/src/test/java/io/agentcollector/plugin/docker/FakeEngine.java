package io.agentcollector.plugin.docker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of the Docker Engine API on a unix socket for the plugin: {@code /info}, {@code
 * /containers/json}, {@code /containers/<id>/json} and a chunked {@code /events} stream. Each
 * container is kept as its inspect JSON; the list is made from those.
 */
final class FakeEngine implements AutoCloseable {

  final Path socket;

  /** id → inspect JSON. */
  final Map<String, String> containers = new ConcurrentHashMap<>();

  final AtomicInteger connections = new AtomicInteger();
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
  private final List<OutputStream> eventStreams = new CopyOnWriteArrayList<>();
  private volatile ServerSocketChannel server;

  FakeEngine(Path socket) {
    this.socket = socket;
  }

  static String inspect(String id, String name, String status, int pid) {
    return """
        {"Id":"%s","Name":"/%s","Created":"2026-11-24T07:25:22.905094188Z",
         "State":{"Status":"%s","Pid":%d,"ExitCode":0,"OOMKilled":false,
                  "StartedAt":"2026-11-24T07:25:23.375916586Z","FinishedAt":"0001-01-01T00:00:00Z"},
         "Config":{"Image":"local/busybox:test","Labels":{"team":"payments"}},
         "HostConfig":{"NetworkMode":"bridge","CgroupParent":""}}
        """
        .formatted(id, name, status, pid);
  }

  void put(String id, String name, String status, int pid) {
    containers.put(id, inspect(id, name, status, pid));
  }

  /** Starts answering: creates the socket file (after a crash, in place of the stale one). */
  FakeEngine start() throws IOException {
    Files.deleteIfExists(socket);
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(socket));
    server = s;
    Thread accept = new Thread(() -> accept(s), "fake-engine-accept");
    accept.setDaemon(true);
    accept.start();
    return this;
  }

  /** dockerd dies: connections drop, the stale socket file stays and refuses connections. */
  void crash() throws IOException {
    server.close();
    for (SocketChannel c : open) {
      c.close();
    }
    open.clear();
    eventStreams.clear();
  }

  /** Sends a container event to every subscriber, as dockerd does: one JSON object a chunk. */
  void emit(String id, String action) {
    String json =
        """
        {"Type":"container","Action":"%s","Actor":{"ID":"%s","Attributes":{}},
         "id":"%s","status":"%s"}
        """
            .formatted(action, id, id, action);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : eventStreams) {
      try {
        out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedByTheClient) {
        eventStreams.remove(out);
      }
    }
  }

  int subscribers() {
    return eventStreams.size();
  }

  private void accept(ServerSocketChannel s) {
    try {
      while (true) {
        SocketChannel c = s.accept();
        connections.incrementAndGet();
        open.add(c);
        Thread t = new Thread(() -> serve(c), "fake-engine-conn");
        t.setDaemon(true);
        t.start();
      }
    } catch (IOException closed) {
      // Crashed or closed.
    }
  }

  /**
   * Answers the requests of one keep-alive connection, one after the other. An event stream stays
   * open for {@link #emit} (not read from: a blocking channel's reads hold off its writes) until a
   * crash closes it.
   */
  private void serve(SocketChannel c) {
    try {
      InputStream in = new BufferedInputStream(Channels.newInputStream(c));
      OutputStream out = Channels.newOutputStream(c);
      String request;
      while ((request = readHead(in)) != null) {
        String path = request.split(" ")[1].replaceFirst("\\?.*", "");
        if (path.endsWith("/events")) {
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          eventStreams.add(out);
          return;
        }
        answer(out, path);
      }
      c.close();
    } catch (IOException closed) {
      // Client gone or crashed.
    }
  }

  private void answer(OutputStream out, String path) throws IOException {
    int status = 200;
    String body;
    if (path.endsWith("/info")) {
      body = "{\"CgroupDriver\":\"cgroupfs\"}";
    } else if (path.endsWith("/containers/json")) {
      StringBuilder list = new StringBuilder("[");
      containers.forEach(
          (id, json) ->
              list.append(list.length() > 1 ? "," : "")
                  .append("{\"Id\":\"")
                  .append(id)
                  .append("\",\"State\":\"")
                  .append(json.replaceFirst("(?s).*\"Status\":\"([a-z]+)\".*", "$1"))
                  .append("\"}"));
      body = list.append(']').toString();
    } else if (path.matches(".*/containers/[^/]+/json")) {
      String id = path.replaceFirst(".*/containers/([^/]+)/json", "$1");
      body = containers.get(id);
      if (body == null) {
        status = 404;
        body = "{\"message\":\"No such container: " + id + "\"}";
      }
    } else {
      status = 404;
      body = "{\"message\":\"page not found\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 "
                + status
                + (status == 200 ? " OK" : " Not Found")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** The request line of the next request (its headers read and dropped); null at the end. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        return head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      crash();
    }
    Files.deleteIfExists(socket);
  }
}
