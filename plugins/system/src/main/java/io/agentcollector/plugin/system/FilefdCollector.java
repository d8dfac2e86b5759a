package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcSysFsFileNr;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's filefd collector: {@code node_filefd_allocated} and {@code node_filefd_maximum}
 * from {@code /proc/sys/fs/file-nr}. Golden file: {@code src/test/golden/filefd.prom}.
 */
@Extension
@CollectorInfo(name = "filefd", nodeExporter = true)
public final class FilefdCollector implements Collector {

  private final KernelFile file;
  private final Logger log;

  public FilefdCollector(CollectorContext context) {
    file = new KernelFile(context.hostPaths().proc("sys", "fs", "file-nr"));
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<String> content = file.readIfPresent();
    if (content.isEmpty()) {
      log.debug("no {}", file.path());
      return f.build();
    }
    ProcSysFsFileNr nr = ProcSysFsFileNr.parse(content.get());
    f.gauge("node_filefd_allocated", "Allocated file handles.").add(nr.allocated());
    f.gauge("node_filefd_maximum", "Maximum number of file handles.").add(nr.maximum());
    return f.build();
  }

  @Override
  public void stop() {
    file.close();
  }
}
