package io.agentcollector.runtime.schedule;

import java.time.Clock;

/**
 * What every collector runner of one agent shares.
 *
 * @param clock for freshness and the last-success time
 * @param labels added to every sample of a served result
 * @param owners who exposes which metric family name, so two collectors never serve one name
 */
public record RunnerServices(Clock clock, LabelInjector labels, FamilyOwners owners) {}
