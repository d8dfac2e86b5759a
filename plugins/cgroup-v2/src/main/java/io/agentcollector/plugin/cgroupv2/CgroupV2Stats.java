package io.agentcollector.plugin.cgroupv2;

import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.PsiStats;
import io.agentcollector.kernel.cgroup.CgroupV2CpuMax;
import io.agentcollector.kernel.cgroup.CgroupV2CpuStat;
import io.agentcollector.kernel.cgroup.CgroupV2CpuWeight;
import io.agentcollector.kernel.cgroup.CgroupV2IoStat;
import io.agentcollector.kernel.cgroup.CgroupV2MemoryEvents;
import io.agentcollector.kernel.cgroup.CgroupV2MemoryStat;
import io.agentcollector.kernel.cgroup.CgroupValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The files of one container's cgroup v2 directory mapped to {@link ContainerStats}. */
final class CgroupV2Stats {

  private CgroupV2Stats() {}

  /** cpu.max, cpu.weight, memory.max, memory.swap.max, memory.min, pids.max. */
  record Spec(
      CgroupV2CpuMax cpuMax,
      CgroupV2CpuWeight weight,
      long memoryMax,
      long swapMax,
      long memoryMin,
      long threadsMax) {}

  static Spec spec(Path dir) throws IOException {
    return new Spec(
        optional(dir, "cpu.max", CgroupV2CpuMax::parse, CgroupV2CpuMax.NONE),
        optional(dir, "cpu.weight", CgroupV2CpuWeight::parse, CgroupV2CpuWeight.NONE),
        limit(dir, "memory.max"),
        limit(dir, "memory.swap.max"),
        limit(dir, "memory.min"),
        value(dir, "pids.max"));
  }

  /** Spec memory values above this are "unlimited" and exported as 0, as cAdvisor does. */
  static final long UNLIMITED = 1L << 62;

  static ContainerStats read(Path dir, Spec spec) throws IOException {
    // cpu.stat and cgroup.procs exist in every v2 cgroup; the rest depends on enabled controllers.
    CgroupV2CpuStat stat = CgroupV2CpuStat.parse(KernelFiles.read(dir.resolve("cpu.stat")));
    var cpu =
        new ContainerStats.Cpu(
            stat.usageSeconds(),
            List.of(),
            stat.userSeconds(),
            stat.systemSeconds(),
            stat.periods(),
            stat.throttledPeriods(),
            stat.throttledSeconds(),
            spec.cpuMax().quotaMicros(),
            spec.cpuMax().periodMicros(),
            spec.weight().shares());
    CgroupV2MemoryEvents events =
        optional(dir, "memory.events", CgroupV2MemoryEvents::parse, CgroupV2MemoryEvents.NONE);
    var extra =
        new ContainerStats.Extra(
            stat.burstPeriods(),
            stat.burstSeconds(),
            events.high(),
            events.max(),
            pressure(dir, "cpu.pressure"),
            pressure(dir, "memory.pressure"),
            pressure(dir, "io.pressure"));
    return new ContainerStats(cpu, memory(dir, spec, events), io(dir), pids(dir, spec), extra);
  }

  private static ContainerStats.Memory memory(Path dir, Spec spec, CgroupV2MemoryEvents events)
      throws IOException {
    CgroupV2MemoryStat ms =
        optional(dir, "memory.stat", CgroupV2MemoryStat::parse, CgroupV2MemoryStat.NONE);
    long usage = value(dir, "memory.current");
    return new ContainerStats.Memory(
        usage,
        ms.workingSet(usage),
        ms.anon(),
        ms.file(),
        value(dir, "memory.swap.current"),
        ms.fileMapped(),
        0, // v2 has no separate kernel-memory counter (cAdvisor reports 0)
        0, // nor a failcnt
        value(dir, "memory.peak"), // kernel >= 5.19
        spec.memoryMax(),
        spec.swapMax(),
        spec.memoryMin(),
        ms.pgfault(),
        ms.pgmajfault(),
        ms.activeFile(),
        ms.inactiveFile(),
        events.oomKills());
  }

  private static List<ContainerStats.BlockDevice> io(Path dir) throws IOException {
    List<ContainerStats.BlockDevice> io = new ArrayList<>();
    for (CgroupV2IoStat.Device d :
        optional(dir, "io.stat", CgroupV2IoStat::parse, new CgroupV2IoStat(List.of())).devices()) {
      io.add(
          new ContainerStats.BlockDevice(
              d.major(), d.minor(), d.readBytes(), d.writeBytes(), d.reads(), d.writes()));
    }
    return io;
  }

  private static ContainerStats.Pids pids(Path dir, Spec spec) throws IOException {
    CgroupValue current =
        optional(dir, "pids.current", s -> CgroupValue.parse("pids.current", s), null);
    long threads = current == null ? -1 : current.value();
    // pids.current counts the tasks of the whole container: none or one task is as many
    // processes, without reading cgroup.procs (most idle containers run one process).
    long processes =
        threads == 0 || threads == 1
            ? threads
            : Fields.countLines(KernelFiles.read(dir.resolve("cgroup.procs")));
    // Without the pids controller cAdvisor counts cgroup.procs as threads.
    threads = current == null ? processes : threads;
    return new ContainerStats.Pids(processes, threads, spec.threadsMax());
  }

  /** PSI of one resource; absent without CONFIG_PSI or with psi=0 on the kernel command line. */
  private static Optional<ContainerStats.Pressure> pressure(Path dir, String file)
      throws IOException {
    String content;
    try {
      content = readOptional(dir.resolve(file));
    } catch (IOException e) {
      // A kernel built with PSI but booted with psi=0 fails the read with EOPNOTSUPP.
      if (Files.isDirectory(dir)) {
        return Optional.empty();
      }
      throw e;
    }
    if (content == null) {
      return Optional.empty();
    }
    PsiStats p = PsiStats.parse(file, content);
    return Optional.of(
        new ContainerStats.Pressure(p.someSeconds().orElse(0), p.fullSeconds().orElse(0)));
  }

  /** A single-value file: 0 when absent or {@code max}. */
  private static long value(Path dir, String file) throws IOException {
    CgroupValue v = optional(dir, file, s -> CgroupValue.parse(file, s), null);
    return v == null ? 0 : v.orIfMax(0);
  }

  /** A spec limit: 0 when absent, {@code max} or beyond 2^62 (cAdvisor's "no limit"). */
  private static long limit(Path dir, String file) throws IOException {
    long v = value(dir, file);
    return v > UNLIMITED ? 0 : v;
  }

  private static <T> T optional(Path dir, String file, Function<String, T> parser, T absent)
      throws IOException {
    String content = readOptional(dir.resolve(file));
    return content == null ? absent : parser.apply(content);
  }

  /** A file's content, or null when this kernel or controller set does not have it. */
  static String readOptional(Path file) throws IOException {
    try {
      return KernelFiles.read(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
