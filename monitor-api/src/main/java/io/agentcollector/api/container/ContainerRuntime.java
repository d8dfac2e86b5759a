package io.agentcollector.api.container;

import io.agentcollector.api.CollectorContext;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A container runtime (Docker, containerd) as a source of container metadata and state. The agent's
 * container collector asks it for its containers once per cycle, so {@link #containers} should
 * answer from a cache kept current by the runtime's event stream, not call the runtime.
 */
public interface ContainerRuntime extends ExtensionPoint {

  /** {@code docker}, {@code containerd}: the {@code runtime} of its containers. */
  String name();

  /** Reads settings and starts watching; must not block on the runtime being reachable. */
  default void start(CollectorContext context) throws Exception {}

  /**
   * The containers it knows now, running and stopped. Throws when the runtime cannot be reached
   * (the failure shows in the self-metrics; other runtimes and host metrics carry on).
   */
  List<ContainerInfo> containers() throws Exception;

  default void stop() {}
}
