package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/**
 * The flat keyed format. Merged from cgroup-v1's KeyedValues and cgroup-v2's FlatKeyed; the two
 * differences between them are the last two tests.
 */
class FlatKeyedTest {

  private static final String[] KEEP = {"rss", "total_rss", "swap"};

  @Test
  void keepsUnknownKeysAndReadsAMissingOneAsZero() {
    FlatKeyed v =
        FlatKeyed.parse("cpu.stat", "nr_periods 22\nnr_throttled 21\nsome_future_key 7\n");
    assertThat(v.get("nr_throttled")).isEqualTo(21);
    assertThat(v.get("some_future_key")).isEqualTo(7);
    assertThat(v.get("absent")).isZero();
    assertThat(v.has("absent")).isFalse();
  }

  @Test
  void garbageNamesFileLineAndValue() {
    assertThatThrownBy(() -> FlatKeyed.parse("memory.stat", "cache 12\nrss lots\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memory.stat line 2: not a number: \"lots\"");
    assertThatThrownBy(() -> FlatKeyed.parse("memory.events", "low 1 2\n"))
        .hasMessage("memory.events line 1: expected \"key value\", got \"low 1 2\"");
    assertThatThrownBy(() -> FlatKeyed.parse("memory.events", "low\n"))
        .hasMessage("memory.events line 1: expected \"key value\", got \"low\"");
  }

  @Test
  void canKeepOnlySomeKeys() {
    String stat =
        "cache 12\n"
            + "rss 34\n"
            + "rss_huge 0\n"
            + "total_rss 56\n"
            + "hierarchical_memory_limit 9223372036854771712\n";
    FlatKeyed v = FlatKeyed.parse("memory.stat", stat, KEEP);
    assertThat(v.values()).containsOnly(entry("rss", 34L), entry("total_rss", 56L));
    assertThat(v.has("swap")).isFalse();
    assertThatThrownBy(() -> FlatKeyed.parse("memory.stat", "cache 12 13\n", KEEP))
        .as("a line of another shape is garbage, kept or not")
        .hasMessageContaining("line 1: expected \"key value\"");
  }

  @Test
  void blankLinesAreSkipped() {
    assertThat(FlatKeyed.parse("memory.events", "\nlow 1\n  \t\n").values())
        .containsOnly(entry("low", 1L));
    assertThat(FlatKeyed.parse("memory.events", "").values()).isEmpty();
  }

  @Test
  void aValueThatIsNoNumberIsRefusedEvenForAKeyNotKept() {
    // KeyedValues (cgroup-v1) checked only the shape of the lines it did not keep.
    assertThatThrownBy(() -> FlatKeyed.parse("memory.stat", "rss 34\nrss_huge lots\n", KEEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memory.stat line 2: not a number: \"lots\"");
  }

  @Test
  void aLineOfControlCharactersIsRefusedNotSkipped() {
    // KeyedValues (cgroup-v1) skipped it as blank; FlatKeyed (cgroup-v2) refused it.
    assertThatThrownBy(() -> FlatKeyed.parse("memory.stat", "rss 34\n\u0000\u0001\n"))
        .hasMessage("memory.stat line 2: expected \"key value\", got \"\u0000\u0001\"");
  }
}
