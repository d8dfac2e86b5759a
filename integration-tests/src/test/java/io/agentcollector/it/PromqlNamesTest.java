package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromqlNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '~',
      textBlock =
          """
      up{job="agent-collector"} == 0 => up
      sum by (host, plugin) (rate(monitor_collector_errors_total{job=~"$job"}[$__rate_interval])) => monitor_collector_errors_total
      increase(a_total[5m]) / increase(b_total[5m]) > 0.25 => a_total b_total
      x and on (instance) y unless ignoring(job) z or w => w x y z
      count(monitor_collector_success{host=~"${host}"} == 0) or vector(0) => monitor_collector_success
      predict_linear(avail{fstype!~"tmpfs|x"}[6h], 24 * 3600) < 0 => avail
      a offset 5m + b @ 100 => a b
      sum without (cpu) (x) / on(a) group_left(b, c) y => x y
      label_replace(x, "dst", "$1", "src", "(.*)") => x
      time() - last_success_timestamp_seconds => last_success_timestamp_seconds
      topk(5, x) + quantile(0.9, y) + NaN + Inf + 1.5e9 + 0x1F => x y
      max_over_time(x[5m:1m]) > bool 1 => x
      sum(rate(a{l="}"}[1m])) by (job) => a
      ns:metric:rate5m => ns:metric:rate5m
      """)
  void namesOfAnExpression(String expr, String names) {
    assertThat(PromqlNames.of(expr))
        .containsExactlyElementsOf(Arrays.stream(names.split(" ")).sorted().toList());
  }

  @ParameterizedTest
  @CsvSource({"vector(1)", "time() > 5", "\"a_string\""})
  void noNames(String expr) {
    assertThat(PromqlNames.of(expr)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void nameSelectorsAreRejected() {
    assertThatThrownBy(() -> PromqlNames.of("{__name__=~\"node_.*\"}"))
        .hasMessageContaining("__name__");
  }
}
