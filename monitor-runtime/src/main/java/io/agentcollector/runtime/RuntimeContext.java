package io.agentcollector.runtime;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.SeriesBudget;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context the runtime hands each collector (and each container part). */
record RuntimeContext(
    String pluginId,
    PluginConfig config,
    Optional<String> hostLabel,
    HostPaths hostPaths,
    Clock clock,
    String collector,
    SeriesBudget budget,
    FamilyOwners owners)
    implements CollectorContext {

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("plugin." + pluginId + "." + collector);
  }

  @Override
  public long maxSeries() {
    return budget.max();
  }

  @Override
  public void seriesBudgetExceeded() {
    budget.reported();
  }

  @Override
  public Optional<String> otherOwner(String name) {
    return owners.otherOwner(pluginId + "/" + collector, name);
  }
}
