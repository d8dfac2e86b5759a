package io.agentcollector.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dockerd of a test's own, beside the one scripts/test.sh starts: its data, exec root, pid file
 * and log under {@code dir}, listening on whatever socket each {@link #start} names (the same
 * state, so containers with a restart policy come back at the next start). No bridge, no iptables,
 * as scripts/test-daemons.sh's. {@link #close} removes its containers' processes, mounts and dir.
 */
final class PrivateDockerd implements AutoCloseable {

  private final Path dir;
  private Process process;

  PrivateDockerd(Path dir) {
    this.dir = dir;
  }

  /** Starts dockerd on {@code socket}; does not wait for it. */
  void start(Path socket) {
    List<String> cmd =
        List.of(
            "dockerd",
            "--host",
            "unix://" + socket,
            "--data-root",
            dir.resolve("root").toString(),
            "--exec-root",
            dir.resolve("exec").toString(),
            "--pidfile",
            dir.resolve("docker.pid").toString(),
            "--bridge=none",
            "--iptables=false",
            "--ip6tables=false",
            "--ip-forward=false",
            "--ip-masq=false");
    try {
      process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the Engine API answers {@code GET /_ping} with 200 on {@code socket}. */
  static boolean answers(Path socket) {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer reply = ByteBuffer.allocate(64);
      while (reply.position() < 12 && ch.read(reply) >= 0) {
        // the status line
      }
      String status = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
      return status.startsWith("HTTP/1.") && status.startsWith(" 200", 8);
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGTERM (dockerd stops its containers first), SIGKILL after 30 s. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }

  String log() {
    try {
      return Files.readString(dir.resolve("dockerd.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Stops dockerd, kills what it left under {@code dir} (its containerd and the shims), unmounts
   * and deletes {@code dir}.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    stop();
    String mark = dir.toString();
    ProcessHandle.allProcesses()
        .filter(
            p -> p.info().arguments().map(a -> String.join(" ", a).contains(mark)).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
    List<String> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
      String target = line.split(" ")[1];
      if (target.startsWith(mark + "/")) {
        mounts.add(target);
      }
    }
    mounts.sort(Comparator.reverseOrder());
    for (String m : mounts) {
      new ProcessBuilder("umount", "-l", m).start().waitFor();
    }
    new ProcessBuilder("rm", "-rf", mark).start().waitFor();
  }
}
