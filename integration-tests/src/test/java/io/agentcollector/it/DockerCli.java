package io.agentcollector.it;

import io.agentcollector.testkit.Infra;
import java.util.ArrayList;
import java.util.List;

/** Debian's /usr/bin/docker against the private dockerd that scripts/test.sh starts. */
final class DockerCli {

  final String host;
  final String image;

  private DockerCli(String host, String image) {
    this.host = host;
    this.image = image;
  }

  static DockerCli fromEnvironment() {
    String host = System.getenv("MONITOR_TEST_DOCKER_HOST");
    String image = System.getenv().getOrDefault("MONITOR_TEST_IMAGE", "local/busybox:test");
    if (host == null || !Infra.findCommand("/usr/bin/docker").isPresent()) {
      Infra.missing(
          "a private dockerd (MONITOR_TEST_DOCKER_HOST, set by scripts/test.sh) and /usr/bin/docker");
    }
    return new DockerCli(host, image);
  }

  /** The client of another dockerd (a test's own, on its own socket), with the same image name. */
  DockerCli on(String otherHost) {
    return new DockerCli(otherHost, image);
  }

  /**
   * Runs a docker command; returns its trimmed stdout, fails with its output on a non-zero exit.
   */
  String run(String... args) {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/docker", "-H", host));
    cmd.addAll(List.of(args));
    return Commands.run(cmd);
  }

  /** docker run -d --network none … image sh -c script; returns the container id. */
  String start(String name, List<String> options, String script) {
    List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "none"));
    args.addAll(options);
    args.addAll(List.of(image, "sh", "-c", script));
    return run(args.toArray(String[]::new));
  }
}
