package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerInfo;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ReadProblemsTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("test.ReadProblemsTest");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final ReadProblems problems = new ReadProblems(logger);

  @BeforeEach
  void capture() {
    logs.start();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  private List<String> lines(Level level) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void aVanishedFileIsDebugARefusedOneWarnsOncePerReason() {
    problems.failed("stats", "docker/abc", new NoSuchFileException("/sys/fs/cgroup/x/cpu.stat"));
    IllegalArgumentException garbage =
        new IllegalArgumentException("/proc/<pid>/net/dev line 3: bad value \"x\"");
    problems.failed("network stats", "docker/abc", garbage);
    problems.failed("network stats", "docker/abc", garbage);
    // Wrapped by a reader: still the parser's refusal.
    problems.failed(
        "stats",
        "docker/def",
        new UncheckedIOException(
            "read",
            new java.io.IOException(
                "wrapped",
                new IllegalArgumentException("/x/memory.stat line 1: bad value \"y\""))));

    assertThat(lines(Level.WARN))
        .containsExactly(
            "network stats for docker/abc left out: IllegalArgumentException: /proc/<pid>/net/dev"
                + " line 3: bad value \"x\"",
            "stats for docker/def left out: UncheckedIOException: read <- IOException: wrapped <-"
                + " IllegalArgumentException: /x/memory.stat line 1: bad value \"y\"");
    assertThat(lines(Level.DEBUG)).hasSize(2);
  }

  @Test
  void machineFilesRefusingGarbageWarnOnceAndLeaveTheSeriesOut(@TempDir Path root)
      throws Exception {
    Files.createDirectories(root.resolve("proc/7/net"));
    Files.writeString(root.resolve("proc/7/net/dev"), "garbage\n");
    Files.createDirectories(root.resolve("sys/devices/system/cpu"));
    Files.writeString(root.resolve("sys/devices/system/cpu/online"), "0-3\n");
    HostPaths paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root);
    MachineFiles files = new MachineFiles(paths, problems);
    ContainerInfo c = ContainerInfo.running("docker", "abc", "web", "busybox", 7, "/docker/abc");

    assertThat(files.network(c)).isEmpty();
    assertThat(files.network(c)).isEmpty();
    MetricFamilies f = new MetricFamilies();
    files.machine(f);

    assertThat(lines(Level.WARN)).hasSize(1).allMatch(l -> l.startsWith("network stats for"));
    // meminfo is missing here: left out at debug; the CPU count is served.
    assertThat(f.build().stream().map(s -> s.getMetadata().getName()))
        .containsExactly("machine_cpu_cores");
  }
}
