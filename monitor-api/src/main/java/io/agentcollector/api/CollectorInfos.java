package io.agentcollector.api;

import java.util.Optional;

/** {@link CollectorInfo} of each collector class, read once: Collector's defaults ask often. */
final class CollectorInfos {

  private static final ClassValue<Optional<CollectorInfo>> INFO =
      new ClassValue<>() {
        @Override
        protected Optional<CollectorInfo> computeValue(Class<?> type) {
          return Optional.ofNullable(type.getAnnotation(CollectorInfo.class));
        }
      };

  private CollectorInfos() {}

  static Optional<CollectorInfo> of(Class<?> type) {
    return INFO.get(type);
  }

  static CollectorInfo required(Collector collector) {
    return of(collector.getClass())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    collector.getClass().getName()
                        + " has no @CollectorInfo and does not override name()"));
  }
}
