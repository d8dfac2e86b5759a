import io.agentcollector.kernel.KernelFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.*;

/**
 * Microbenchmark, not a test: CPU time (user + sys, this thread) per KernelFiles.read, checked
 * (stat + open + read) vs under a trusted kernel filesystem root (open + read). Cgroup v1 paths;
 * RELIABILITY.md has the figures. Run from the project root after building monitor-api:
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp monitor-kernel/target/classes scripts/bench/KernelFilesBench.java
 */
public class KernelFilesBench {
  public static void main(String[] a) throws Exception {
    var mx = ManagementFactory.getThreadMXBean();
    Path[] files = {Path.of("/sys/fs/cgroup/memory/memory.usage_in_bytes"), Path.of("/sys/fs/cgroup/cpuacct/cpuacct.stat"), Path.of("/sys/fs/cgroup/memory/memory.stat"), Path.of("/proc/loadavg")};
    int n = 50_000;
    double[][] best = new double[2][files.length];
    for (double[] b : best) java.util.Arrays.fill(b, Double.MAX_VALUE);
    for (int round = 0; round < 10; round++) {
      int mode = round < 5 ? 0 : 1;
      if (round == 5) { KernelFiles.trustIfKernelFilesystem(Path.of("/sys")); KernelFiles.trustIfKernelFilesystem(Path.of("/proc")); }
      for (int f = 0; f < files.length; f++) {
        long c0 = mx.getCurrentThreadCpuTime(); long s = 0;
        for (int i = 0; i < n; i++) s += KernelFiles.read(files[f]).length();
        double us = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
        best[mode][f] = Math.min(best[mode][f], us);
      }
    }
    for (int f = 0; f < files.length; f++) {
      System.out.printf("%-46s checked %.2f us  trusted %.2f us  stat %.2f us (best of 5 rounds, CPU time)%n", files[f], best[0][f], best[1][f], best[0][f] - best[1][f]);
    }
  }
}
