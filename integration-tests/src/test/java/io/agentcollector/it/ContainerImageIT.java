package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.ExpositionSamples;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Ports;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deployments/docker/Dockerfile, built on the private dockerd from base images made of this
 * machine's own files ({@link HostImages}), then run as docs/docker.md runs it: host network
 * (loopback only), the host's /proc, /sys and / read-only, the runtime sockets, a read-only root,
 * as nobody. Its node_* values must be the host's, it must see the host's containers (with their
 * pod from a mock API server), every shipped plugin must load and collect on the jlink'd runtime.
 * Last, the DaemonSet's own config, mounts and security context (deployments/k8s) in the same
 * image.
 */
class ContainerImageIT {

  static final String IMAGE = "local/agent-collector-it:test";
  static final String AGENT = "it-image-agent";
  static final String DAEMONSET = "it-image-daemonset";
  static final String SEEN = "it-image-seen";
  static final String NODE = "it-node";
  static final Path DOCKERFILE = Fixtures.projectRoot().resolve("deployments/docker/Dockerfile");

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir static Path tmp;
  static DockerCli docker;
  static Path home;
  static KubernetesMockServer api;
  static Set<String> danglingBefore = Set.of();
  static String seenId;
  static int port;

  @BeforeAll
  static void buildAndRun() throws Exception {
    docker = DockerCli.fromEnvironment();
    removeContainers(); // left by a run that was killed
    // The agent runs as nobody and reads the text file and kubeconfig below through the host's
    // root.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = Distribution.unpack(Files.createDirectories(tmp.resolve("dist")));
    danglingBefore = dangling();
    buildImage();
    seenId = docker.start(SEEN, List.of("--memory", "64m"), "while :; do sleep 1; done");
    api = mockApi(seenId);
    port = Ports.free();
    startAgent();
    awaitReady(AGENT, port, "/-/ready");
  }

  private static void buildImage() throws Exception {
    long t0 = System.nanoTime();
    HostImages.importBoth(docker, home, tmp.resolve("images"));
    long t1 = System.nanoTime();
    // The context is the tarball alone, as with distribution/target in docs/docker.md.
    Path context = Files.createDirectories(tmp.resolve("context"));
    Files.copy(Distribution.tarball(), context.resolve(Distribution.tarball().getFileName()));
    docker.run(
        "build",
        "-q",
        "--network",
        "none",
        "--force-rm",
        "--build-arg",
        "JDK_IMAGE=" + HostImages.JDK,
        "--build-arg",
        "BASE_IMAGE=" + HostImages.BASE,
        "-f",
        DOCKERFILE.toString(),
        "-t",
        IMAGE,
        context.toString());
    long t2 = System.nanoTime();
    System.out.printf(
        "ContainerImageIT: base images %.1f s, docker build %.1f s, image %s bytes (base %s)%n",
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        docker.run("image", "inspect", "-f", "{{.Size}}", IMAGE),
        docker.run("image", "inspect", "-f", "{{.Size}}", HostImages.BASE));
  }

  /**
   * As docs/docker.md's docker run, plus: sockets of the private daemons, short cycles, every
   * plugin on.
   */
  private static void startAgent() throws IOException {
    Path textfiles = Files.createDirectories(tmp.resolve("textfile"));
    Files.writeString(textfiles.resolve("it.prom"), "it_image_textfile_value 42\n");
    List<String> run =
        new ArrayList<>(
            List.of(
                "run",
                "-d",
                "--pull",
                "never",
                "--name",
                AGENT,
                "--network",
                "host",
                "--pid",
                "host",
                "--cgroupns",
                "host",
                "--read-only",
                "-v",
                "/proc:/host/proc:ro",
                "-v",
                "/sys:/host/sys:ro",
                "-v",
                "/:/host/root:ro",
                "-v",
                dockerSocket() + ":/var/run/docker.sock:ro",
                "--group-add",
                groupOf(dockerSocket()),
                "-v",
                containerdSocket() + ":/run/containerd/containerd.sock:ro",
                "--group-add",
                groupOf(containerdSocket())));
    for (String env :
        List.of(
            "MONITOR_PROC_PATH=/host/proc",
            "MONITOR_SYS_PATH=/host/sys",
            "MONITOR_ROOTFS_PATH=/host/root",
            "MONITOR_LISTEN_ADDRESS=127.0.0.1:" + port,
            "CONFIG_FORCE_plugins_defaults_interval=1s",
            "CONFIG_FORCE_plugins_example_enabled=true",
            "CONFIG_FORCE_plugins_textfile_directory=" + textfiles,
            "CONFIG_FORCE_plugins_k8s__labels_enabled=true",
            "CONFIG_FORCE_plugins_k8s__labels_kubeconfig=/host/root" + kubeconfig(api.getPort()),
            "NODE_NAME=" + NODE,
            // Key exchange as with kube-apiserver, whose Go TLS stack has ECDHE only (no FFDHE):
            // without jdk.crypto.ec in the runtime there is no handshake.
            "JAVA_OPTS=-Djdk.tls.namedGroups=x25519,secp256r1")) {
      run.addAll(List.of("-e", env));
    }
    run.add(IMAGE);
    docker.run(run.toArray(String[]::new));
  }

  @AfterAll
  static void cleanUp() {
    if (docker != null) {
      removeContainers();
      quietly("rmi", "-f", IMAGE, HostImages.JDK, HostImages.BASE);
      // The build stage's layers stay behind untagged.
      Set<String> left = new TreeSet<>(dangling());
      left.removeAll(danglingBefore);
      for (String id : left) {
        quietly("rmi", "-f", id);
      }
    }
    if (api != null) {
      api.destroy();
    }
  }

  @Test
  void nodeMetricsAreTheHostsNotTheContainers() throws Exception {
    ExpositionSamples s = scrape(port);
    long memTotalKb =
        Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal:"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
            .findFirst()
            .orElseThrow();
    long rootSize =
        Files.getFileStore(Path.of("/")).getTotalSpace(); // statvfs(2): f_blocks * f_frsize
    int cpus = onlineCpus();
    String osId =
        Files.readAllLines(Path.of("/etc/os-release")).stream()
            .filter(l -> l.startsWith("ID="))
            .map(l -> l.substring(3).replace("\"", ""))
            .findFirst()
            .orElseThrow();
    long idle =
        s.family("node_cpu_seconds_total").stream()
            .filter(x -> "idle".equals(x.labels().get("mode")))
            .count();
    System.out.printf(
        "ContainerImageIT: MemTotal %d B, cpus %d, / %d B; agent %s B, %d idle series, %s B%n",
        memTotalKb * 1024,
        cpus,
        rootSize,
        value(s, "node_memory_MemTotal_bytes"),
        idle,
        value(s, "node_filesystem_size_bytes", "mountpoint", "/"));

    assertThat(value(s, "node_memory_MemTotal_bytes")).hasValue(memTotalKb * 1024.0);
    assertThat(idle).as("node_cpu_seconds_total{mode=\"idle\"} series").isEqualTo(cpus);
    assertThat(value(s, "node_filesystem_size_bytes", "mountpoint", "/"))
        .hasValue((double) rootSize);
    // The image has no /etc/os-release: this one is the host's, read through host.rootfs-path.
    assertThat(value(s, "node_os_info", "id", osId)).hasValue(1);
    assertThat(value(s, "it_image_textfile_value")).as("a text file on the host").hasValue(42);
  }

  @Test
  void theHostsContainersAreSeenWithTheirPod() throws Exception {
    // Readiness does not wait for the API server: the first list over TLS takes a moment.
    ExpositionSamples s =
        await(
            port,
            "the pod labels of " + SEEN + " and the watch up",
            x ->
                value(x, "container_spec_memory_limit_bytes", "name", SEEN, "pod", "web-0")
                        .isPresent()
                    && value(x, "monitor_container_enricher_up", "enricher", "k8s-labels").orElse(0)
                        == 1);
    assertThat(
            value(
                s,
                "container_spec_memory_limit_bytes",
                "name",
                SEEN,
                "namespace",
                "shop",
                "container",
                "main",
                "image",
                docker.image,
                "id",
                "/docker/" + seenId))
        .hasValue(67108864);
    assertThat(value(s, "container_memory_usage_bytes", "name", SEEN).orElseThrow()).isPositive();
    assertThat(value(s, "container_state", "name", SEEN, "state", "running")).hasValue(1);
  }

  @Test
  void everyShippedPluginLoadsAndEveryCollectorSucceeds() throws Exception {
    ExpositionSamples s =
        await(
            port,
            "both runtimes up",
            x ->
                value(x, "monitor_container_runtime_up", "runtime", "docker").orElse(0) == 1
                    && value(x, "monitor_container_runtime_up", "runtime", "containerd").orElse(0)
                        == 1);
    assertThat(s.family("monitor_plugin_info"))
        .extracting(x -> x.labels().get("plugin"))
        .containsExactlyInAnyOrderElementsOf(shippedPluginIds());
    assertThat(value(s, "monitor_plugin_load_failures")).hasValue(0);
    assertThat(s.family("monitor_collector_success"))
        .hasSizeGreaterThan(20)
        .allSatisfy(x -> assertThat(x.value()).as("%s", x.labels()).isEqualTo(1));
    assertThat(value(s, "example_value")).hasValue(42);
    // JNA (statfs, adjtimex) and grpc-netty's epoll load from the image's native/, not /tmp:
    // the root is read-only and there is no /tmp mount.
    assertThat(s.family("node_timex_offset_seconds")).isNotEmpty();
    // java.management and jdk.management in the jlink'd runtime.
    assertThat(value(s, "process_cpu_seconds_total").orElseThrow()).isPositive();
    assertThat(value(s, "process_open_fds").orElseThrow()).isPositive();
    assertThat(s.family("jvm_memory_used_bytes")).isNotEmpty();
  }

  @Test
  void runsAsNobodyWithItsAppCdsArchive() throws Exception {
    String pid = docker.run("inspect", "-f", "{{.State.Pid}}", AGENT);
    assertThat(Files.readAllLines(Path.of("/proc", pid, "status")))
        .contains("Uid:\t65534\t65534\t65534\t65534");
    // -Xshare:on: a JVM that cannot map the archives exits instead of running without them.
    String out =
        docker.run(
            "run",
            "--rm",
            "--pull",
            "never",
            "--network",
            "none",
            "-e",
            "JAVA_OPTS=-Xshare:on -Xlog:class+load=info",
            IMAGE,
            "--version");
    assertThat(out)
        .contains("io.agentcollector.runtime.cli.Main source: shared objects file (top)")
        .contains("agent-collector 0.1.0");
  }

  /**
   * The DaemonSet as docker run: its args, env, security context and mounts, the ConfigMap's
   * monitor.conf as it is. Adapted: containerd's directory is the private dockerd's, the API server
   * is the mock's (a kubeconfig instead of the service account), the port is a free loopback one,
   * and / is not mounted rslave (this host's / is a private mount).
   */
  @Test
  void theDaemonSetRunsInTheImageAndAnswersItsProbes() throws Exception {
    K8sManifests k8s = K8sManifests.load();
    PodSpec pod = k8s.daemonSet().getSpec().getTemplate().getSpec();
    Container c = k8s.agentContainer();
    Path configDir = Files.createDirectories(tmp.resolve("k8s-config"));
    Files.writeString(configDir.resolve("monitor.conf"), k8s.monitorConfText());
    int dsPort = Ports.free();

    List<String> run =
        new ArrayList<>(List.of("run", "-d", "--pull", "never", "--name", DAEMONSET));
    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getHostPID()).isTrue();
    run.addAll(List.of("--network", "host", "--pid", "host"));
    SecurityContext sc = c.getSecurityContext();
    run.addAll(List.of("--user", sc.getRunAsUser() + ":" + sc.getRunAsGroup()));
    sc.getCapabilities().getDrop().forEach(cap -> run.addAll(List.of("--cap-drop", cap)));
    if (Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
      run.add("--read-only");
    }
    if (Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
      run.addAll(List.of("--security-opt", "no-new-privileges"));
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      Volume v =
          pod.getVolumes().stream()
              .filter(x -> x.getName().equals(m.getName()))
              .findFirst()
              .orElseThrow();
      String source =
          v.getConfigMap() != null
              ? configDir.toString()
              : v.getHostPath().getPath().equals("/run/containerd")
                  ? containerdSocket().getParent().toString()
                  : v.getHostPath().getPath();
      run.addAll(
          List.of(
              "-v",
              source
                  + ":"
                  + m.getMountPath()
                  + (Boolean.TRUE.equals(m.getReadOnly()) ? ":ro" : "")));
    }
    for (EnvVar e : c.getEnv()) {
      assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
      run.addAll(List.of("-e", e.getName() + "=" + NODE));
    }
    run.addAll(
        List.of(
            "-e",
            "MONITOR_LISTEN_ADDRESS=127.0.0.1:" + dsPort,
            "-e",
            "CONFIG_FORCE_plugins_k8s__labels_kubeconfig=/host/root" + kubeconfig(api.getPort()),
            IMAGE));
    run.addAll(c.getArgs());
    docker.run(run.toArray(String[]::new));

    awaitReady(DAEMONSET, dsPort, c.getReadinessProbe().getHttpGet().getPath());
    assertThat(get(dsPort, c.getLivenessProbe().getHttpGet().getPath()).statusCode())
        .isEqualTo(200);
    ExpositionSamples s =
        await(
            dsPort,
            "containerd and the API server",
            x ->
                value(x, "monitor_container_runtime_up", "runtime", "containerd").orElse(0) == 1
                    && value(x, "monitor_container_enricher_up", "enricher", "k8s-labels").orElse(0)
                        == 1);
    assertThat(s.family("monitor_container_runtime_up"))
        .as("docker is off in the ConfigMap")
        .hasSize(1);
    assertThat(value(s, "node_memory_MemTotal_bytes", "host", NODE)).isPresent();
    assertThat(s.family("monitor_collector_success"))
        .allSatisfy(x -> assertThat(x.value()).as("%s", x.labels()).isEqualTo(1));
    String pid = docker.run("inspect", "-f", "{{.State.Pid}}", DAEMONSET);
    assertThat(Files.readAllLines(Path.of("/proc", pid, "status")))
        .contains("Uid:\t0\t0\t0\t0", "CapEff:\t0000000000000000");
  }

  /**
   * A kubeconfig for the mock API server over TLS (its certificate is self-signed), so that the
   * jlink'd runtime does a TLS handshake as it does with a real API server.
   */
  private static Path kubeconfig(int apiPort) throws IOException {
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: https://127.0.0.1:%d
              insecure-skip-tls-verify: true
        users:
          - name: agent
            user:
              token: it-token
        contexts:
          - name: mock
            context:
              cluster: mock
              user: agent
        current-context: mock
        """
            .formatted(apiPort));
    return file;
  }

  /** The API server (TLS): this node's one pod, whose container "main" is the busybox container. */
  private static KubernetesMockServer mockApi(String containerId) {
    KubernetesMockServer server = new KubernetesMockServer(true);
    server.init(InetAddress.getLoopbackAddress(), 0);
    var pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("shop")
            .withName("web-0")
            .withUid("0f6c2a3e-7d41-4c55-9a8e-2b1d3c4e5f60")
            .withResourceVersion("100")
            .endMetadata()
            .withNewSpec()
            .withNodeName(NODE)
            .addNewContainer()
            .withName("main")
            .withImage(docker.image)
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .addNewContainerStatus()
            .withName("main")
            .withContainerID("docker://" + containerId)
            .withReady(true)
            .endContainerStatus()
            .endStatus()
            .build();
    String selector = "fieldSelector=spec.nodeName%3D" + NODE;
    var list =
        new PodListBuilder()
            .withNewMetadata()
            .withResourceVersion("100")
            .endMetadata()
            .withItems(pod)
            .build();
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?" + selector + "&resourceVersion=0")
        .andReturn(200, list)
        .always();
    // The enricher's probe while the watch is being renewed.
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?" + selector + "&limit=1")
        .andReturn(200, list)
        .always();
    // Each watch sends the pod again after a second and ends; the informer watches again, as
    // after an API server's timeout. (A longer wait would hold up the mock's shutdown as long.)
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/pods?allowWatchBookmarks=true&"
                + selector
                + "&resourceVersion=100&timeoutSeconds=600&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(1000)
        .andEmit(new WatchEvent(pod, "MODIFIED"))
        .done()
        .always();
    return server;
  }

  private static Path dockerSocket() {
    return Path.of(docker.host.replaceFirst("^unix://", ""));
  }

  /** The containerd that the private dockerd runs, in its exec root (scripts/test-daemons.sh). */
  private static Path containerdSocket() {
    Path sock = dockerSocket().resolveSibling("exec/containerd/containerd.sock");
    assertThat(sock).as("the private dockerd's containerd socket").exists();
    return sock;
  }

  private static String groupOf(Path file) {
    try {
      return String.valueOf(Files.getAttribute(file, "unix:gid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids in plugins/: each jar's Plugin-Id, each directory's plugin.id. */
  private static Set<String> shippedPluginIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
      for (Path p : s.toList()) {
        if (Files.isDirectory(p)) {
          Properties props = new Properties();
          try (var in = Files.newInputStream(p.resolve("plugin.properties"))) {
            props.load(in);
          }
          ids.add(props.getProperty("plugin.id"));
        } else if (p.toString().endsWith(".jar")) {
          try (JarFile jar = new JarFile(p.toFile())) {
            ids.add(jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
          }
        }
      }
    }
    assertThat(ids).hasSizeGreaterThan(10);
    return ids;
  }

  private static int onlineCpus() throws IOException {
    int n = 0;
    for (String range :
        Files.readString(Path.of("/sys/devices/system/cpu/online")).strip().split(",")) {
      String[] ends = range.split("-");
      n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
    }
    return n;
  }

  private static OptionalDouble value(ExpositionSamples s, String name, String... labelPairs) {
    return s.value(name, labelPairs);
  }

  private static HttpResponse<String> get(int port, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static ExpositionSamples scrape(int port) {
    HttpResponse<String> r = get(port, "/metrics");
    assertThat(r.statusCode()).as("/metrics").isEqualTo(200);
    return ExpositionSamples.parse(r.body());
  }

  private static void awaitReady(String container, int port, String path)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (get(port, path).statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        // Not listening yet.
      }
      if (System.nanoTime() > deadline
          || !"true".equals(docker.run("inspect", "-f", "{{.State.Running}}", container))) {
        throw new AssertionError(
            container + " not ready on " + path + ":\n" + docker.run("logs", container));
      }
      Thread.sleep(200);
    }
  }

  private static ExpositionSamples await(
      int port, String what, Predicate<ExpositionSamples> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    ExpositionSamples s = scrape(port);
    while (!condition.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(200);
      s = scrape(port);
    }
    return s;
  }

  /** AGENT, DAEMONSET and SEEN. */
  private static void removeContainers() {
    String ids = docker.run("ps", "-aq", "--filter", "name=^/it-image-");
    if (!ids.isBlank()) {
      List<String> rm = new ArrayList<>(List.of("rm", "-f"));
      rm.addAll(List.of(ids.split("\\s+")));
      quietly(rm.toArray(String[]::new));
    }
  }

  private static Set<String> dangling() {
    String ids = docker.run("images", "-q", "--no-trunc", "-f", "dangling=true");
    return ids.isBlank() ? Set.of() : new HashSet<>(List.of(ids.split("\\s+")));
  }

  private static void quietly(String... args) {
    try {
      docker.run(args);
    } catch (AssertionError e) {
      System.err.println("ContainerImageIT clean-up: " + e.getMessage());
    }
  }
}
