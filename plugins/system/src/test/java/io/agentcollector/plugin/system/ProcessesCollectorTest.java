package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.Collector;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesCollectorTest {

  private static final String REST = " 1 1 0 -1 4194560 1 2 0 0 6 1 4 3 20 0 %d 0 2242905 1\n";

  @TempDir Path root;

  @Test
  void goldenOnTheFixtureTree() throws Exception {
    Collector c = new ProcessesCollector(TestContext.forPlugin("system"));
    assertThat(c.name()).isEqualTo("processes");
    assertThat(c.enabledByDefault()).as("off in node_exporter 1.5.0").isFalse();
    assertThat(c.mirrorsNodeExporter()).isTrue();
    Golden.assertMatches(
        CollectorRun.once(ProcessesCollector::new, TestContext.forPlugin("system")),
        "processes.prom");
  }

  @Test
  void realValuesOfTheFixtureTree() throws Exception {
    // proc/2 (S), proc/12798 (I), proc/18903 (S, 3 threads, all S); proc/1 and proc/4242 have no
    // stat: processes that ended between the listing and the read.
    MetricSnapshots out =
        CollectorRun.once(ProcessesCollector::new, TestContext.forPlugin("system"));
    assertThat(Exposition.value(out, "node_processes_pids")).hasValue(3);
    assertThat(Exposition.value(out, "node_processes_threads")).hasValue(5);
    assertThat(Exposition.value(out, "node_processes_state", "state", "S")).hasValue(2);
    assertThat(Exposition.value(out, "node_processes_state", "state", "I")).hasValue(1);
    assertThat(Exposition.value(out, "node_processes_threads_state", "thread_state", "S"))
        .hasValue(4);
    assertThat(Exposition.value(out, "node_processes_max_processes")).hasValue(32768);
    assertThat(Exposition.value(out, "node_processes_max_threads")).hasValue(192729);
  }

  @Test
  void threadStatesComeFromTheTasksAndTheMainThreadFromTheProcess() throws Exception {
    limits();
    stat("proc/10/stat", "10 (java) S 1" + REST.formatted(4));
    stat("proc/10/task/10/stat", "10 (java) R 1" + REST.formatted(4));
    stat("proc/10/task/11/stat", "11 (GC) D 1" + REST.formatted(4));
    stat("proc/10/task/12/stat", "12 (C2) R 1" + REST.formatted(4));
    Files.createDirectories(root.resolve("proc/10/task/13")); // the thread ended
    stat("proc/20/stat", "20 (zombie) Z 1" + REST.formatted(5));
    Files.createDirectories(root.resolve("proc/self"));
    stat("proc/net/dev", "not a process\n");
    MetricSnapshots out = run();
    assertThat(Exposition.value(out, "node_processes_pids")).hasValue(2);
    assertThat(Exposition.value(out, "node_processes_threads")).hasValue(9);
    assertThat(Exposition.value(out, "node_processes_threads_state", "thread_state", "S"))
        .as("the process's state for its main thread, as node_exporter")
        .hasValue(1);
    assertThat(Exposition.value(out, "node_processes_threads_state", "thread_state", "R"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_processes_threads_state", "thread_state", "D"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_processes_threads_state", "thread_state", "Z"))
        .as("no task directory: the process ended, its threads are not counted")
        .isEmpty();
    assertThat(Exposition.value(out, "node_processes_state", "state", "Z")).hasValue(1);
  }

  @Test
  void nothingWithoutTheLimitFiles() throws Exception {
    stat("proc/10/stat", "10 (x) S 1" + REST.formatted(1));
    assertThat(run().size()).isZero();
  }

  @Test
  void garbageNamesTheFile() throws Exception {
    limits();
    stat("proc/10/stat", "10 (x) S 1 1\n");
    assertThatThrownBy(this::run)
        .hasMessageStartingWith(root.resolve("proc/10/stat") + " line 1: fewer than 20 fields");
  }

  private void limits() throws Exception {
    stat("proc/sys/kernel/pid_max", "4194304\n");
    stat("proc/sys/kernel/threads-max", "63704\n");
  }

  private MetricSnapshots run() throws Exception {
    return CollectorRun.once(
        ProcessesCollector::new,
        TestContext.forPlugin("system").withHostPaths(HostPaths.under(root)));
  }

  private void stat(String relative, String content) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
