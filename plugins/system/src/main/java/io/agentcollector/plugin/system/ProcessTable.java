package io.agentcollector.plugin.system;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcPidStat;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One walk over {@code /proc}: every process's {@code stat}, and the {@code task/<tid>/stat} of
 * each thread of a process with more than one, counted as node_exporter's processes collector
 * counts them. It runs each cycle over hundreds of processes, so it keeps one buffer for all files,
 * parses bytes in place and makes one name and one path per file read; a process or thread that
 * ended between the listing and the read is skipped.
 */
final class ProcessTable {

  /** A stat line is under 1 KiB; a read that fills this was not one. */
  private static final int BUFFER = 4096;

  private final FileSystem fs;
  private final String proc;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

  /** Per state letter (its byte value): processes, and threads. */
  final long[] processStates = new long[256];

  final long[] threadStates = new long[256];
  long processes;
  long threads;

  ProcessTable(Path proc) {
    fs = proc.getFileSystem();
    this.proc = proc.toString();
  }

  /** Counts anew. */
  void scan() throws IOException {
    Arrays.fill(processStates, 0);
    Arrays.fill(threadStates, 0);
    processes = 0;
    threads = 0;
    String[] names = new File(proc).list();
    if (names == null) {
      return;
    }
    for (String pid : names) {
      if (!isNumber(pid)) {
        continue;
      }
      ProcPidStat s = read(proc + "/" + pid + "/stat");
      if (s == null) {
        continue;
      }
      processes++;
      processStates[s.state() & 0xff]++;
      threads += s.numThreads();
      if (s.numThreads() <= 1) {
        // Its task directory holds only the process itself, whose state node_exporter counts.
        threadStates[s.state() & 0xff]++;
      } else {
        countThreads(pid, s.state());
      }
    }
  }

  private void countThreads(String pid, char processState) throws IOException {
    String task = proc + "/" + pid + "/task";
    String[] tids = new File(task).list();
    if (tids == null) {
      return; // the process ended
    }
    for (String tid : tids) {
      if (tid.equals(pid)) {
        threadStates[processState & 0xff]++;
        continue;
      }
      ProcPidStat t = isNumber(tid) ? read(task + "/" + tid + "/stat") : null;
      if (t != null) {
        threadStates[t.state() & 0xff]++;
      }
    }
  }

  /** The file parsed, or null when its process or thread has ended. */
  private ProcPidStat read(String file) throws IOException {
    buffer.clear();
    try (SeekableByteChannel c = KernelFiles.open(fs.getPath(file))) {
      // One read returns the whole line (a seq_file answers with whole records); a short first
      // read is the whole file, and the read that would return end-of-file is skipped.
      int n = c.read(buffer);
      while (n >= BUFFER / 2 && buffer.hasRemaining()) {
        n = c.read(buffer);
      }
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("No such process")) {
        return null; // ESRCH: the task was reaped after the open
      }
      throw e;
    }
    if (!buffer.hasRemaining()) {
      throw new IllegalArgumentException(file + ": longer than " + BUFFER + " bytes");
    }
    return ProcPidStat.parse(file, buffer.array(), buffer.position());
  }

  private static boolean isNumber(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return !name.isEmpty();
  }
}
