/**
 * The agent-collector SPI. Plugins compile against this module only (scope {@code provided}); the
 * runtime loads it parent-first so every plugin sees the same classes.
 */
module io.agentcollector.api {
  requires transitive pf4j;
  requires transitive io.prometheus.metrics.model;
  requires transitive typesafe.config;
  requires transitive org.slf4j;

  exports io.agentcollector.api;
  exports io.agentcollector.api.container;

  opens io.agentcollector.api to
      pf4j;
  opens io.agentcollector.api.container to
      pf4j;
}
