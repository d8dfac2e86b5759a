package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysClassScsiTape;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * node_exporter's tapestats collector: per SCSI tape drive of /sys/class/scsi_tape ({@code
 * device}), {@code node_tape_io_now} and the counters {@code node_tape_io_time_seconds_total},
 * {@code io_others_total}, {@code read_bytes_total}, {@code reads_completed_total}, {@code
 * read_time_seconds_total}, {@code residual_total}, {@code written_bytes_total}, {@code
 * writes_completed_total}, {@code write_time_seconds_total} (nanoseconds as seconds). Drives
 * matching {@code tapestats.ignored-devices} are left out. No /sys/class/scsi_tape is no data.
 * Golden file: src/test/golden/tapestats.prom.
 */
@Extension
@CollectorInfo(name = "tapestats", nodeExporter = true)
public final class TapestatsCollector implements Collector {

  /** Per {@link SysClassScsiTape#COUNTERS} entry: family (null: the gauge), help, scale. */
  private static final Object[][] FAMILIES = {
    {null, "The number of I/Os currently outstanding to this device.", 1.0},
    {
      "io_time_seconds_total",
      "Time spent waiting for all I/O to complete, tape moves included.",
      1e-9
    },
    {"io_others_total", "I/Os issued to the tape drive other than read or write commands.", 1.0},
    {"read_bytes_total", "The number of bytes read from the tape drive.", 1.0},
    {"reads_completed_total", "The number of read requests issued to the tape drive.", 1.0},
    {"read_time_seconds_total", "Time spent waiting for read requests to complete.", 1e-9},
    {"residual_total", "Reads or writes that found a non-zero residual amount.", 1.0},
    {"written_bytes_total", "The number of bytes written to the tape drive.", 1.0},
    {"writes_completed_total", "The number of write requests issued to the tape drive.", 1.0},
    {"write_time_seconds_total", "Time spent waiting for write requests to complete.", 1e-9}
  };

  private final HostPaths paths;
  private final Optional<Pattern> ignored;

  public TapestatsCollector(CollectorContext context) {
    paths = context.hostPaths();
    ignored = context.config().getPattern("tapestats.ignored-devices");
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    for (SysClassScsiTape tape : SysClassScsiTape.read(paths.sys("class", "scsi_tape"))) {
      if (ignored.isPresent() && ignored.get().matcher(tape.name()).find()) {
        continue;
      }
      for (int i = 0; i < FAMILIES.length; i++) {
        double v = Unsigned.toDouble(tape.counters()[i]) * (Double) FAMILIES[i][2];
        String help = (String) FAMILIES[i][1];
        (FAMILIES[i][0] == null
                ? f.gauge("node_tape_io_now", help)
                : f.counter("node_tape_" + FAMILIES[i][0], help))
            .add(v, "device", tape.name());
      }
    }
    return f.build();
  }
}
