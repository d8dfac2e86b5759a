package io.agentcollector.it;

import io.agentcollector.testkit.Infra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * containerd's ctr against the private containerd that scripts/test.sh starts (start_containerd).
 * Remembers the containers it made, for {@link #removeAll}.
 */
final class CtrCli {

  final String address;
  final String image;
  private final String runcRoot;
  private final List<String[]> created = new ArrayList<>();

  private CtrCli(String address, String image, String runcRoot) {
    this.address = address;
    this.image = image;
    this.runcRoot = runcRoot;
  }

  static CtrCli fromEnvironment() {
    String address = System.getenv("MONITOR_TEST_CONTAINERD_ADDRESS");
    if (address == null || !Files.exists(Path.of(address)) || Infra.findCommand("ctr").isEmpty()) {
      Infra.missing(
          "a private containerd (MONITOR_TEST_CONTAINERD_ADDRESS, set by scripts/test.sh) and ctr");
    }
    return new CtrCli(
        address,
        System.getenv()
            .getOrDefault("MONITOR_TEST_CONTAINERD_IMAGE", "docker.io/local/busybox:test"),
        System.getenv("MONITOR_TEST_CONTAINERD_RUNC_ROOT"));
  }

  /** Runs ctr in a namespace; returns its trimmed output, fails with it on a non-zero exit. */
  String run(String namespace, String... args) {
    List<String> cmd = new ArrayList<>(List.of("ctr", "--address", address, "-n", namespace));
    cmd.addAll(List.of(args));
    return Commands.run(cmd);
  }

  /** {@code ctr run -d --null-io [options] image id sh -c script}: no FIFOs left on the host. */
  void start(String namespace, String id, List<String> options, String script) {
    List<String> args = new ArrayList<>(List.of("run", "-d", "--null-io"));
    if (runcRoot != null) {
      // runc's state stays under the private containerd's directory too.
      args.addAll(List.of("--runc-root", runcRoot));
    }
    args.addAll(options);
    args.addAll(List.of(image, id, "sh", "-c", script));
    created.add(new String[] {namespace, id});
    run(namespace, args.toArray(String[]::new));
  }

  /** The host pid of a container's task, from {@code ctr task ls}. */
  long pid(String namespace, String id) {
    for (String line : run(namespace, "task", "ls").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2 && f[0].equals(id)) {
        return Long.parseLong(f[1]);
      }
    }
    throw new AssertionError("no task " + id + " in namespace " + namespace);
  }

  /** Kills, deletes and removes every container made here; those already gone are skipped. */
  void removeAll() {
    for (String[] c : created) {
      for (String[] step :
          List.of(
              new String[] {"task", "kill", "-s", "KILL", c[1]},
              new String[] {"task", "delete", "-f", c[1]},
              new String[] {"containers", "rm", c[1]})) {
        try {
          run(c[0], step);
        } catch (AssertionError alreadyGone) {
          // Stopped or removed by the test itself.
        }
      }
    }
  }
}
