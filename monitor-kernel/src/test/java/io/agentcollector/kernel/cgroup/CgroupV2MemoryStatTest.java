package io.agentcollector.kernel.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CgroupV2MemoryStatTest {

  @Test
  void picksItsKeysAndIgnoresTheRest() {
    String content =
        """
        anon 14680064
        file 8388608
        kernel 819200
        file_mapped 2097152
        inactive_anon 14553088
        active_anon 126976
        inactive_file 5242880
        active_file 3145728
        pgfault 48213
        pgmajfault 17
        some_future_key 99
        """;
    assertThat(CgroupV2MemoryStat.parse(content))
        .isEqualTo(
            new CgroupV2MemoryStat(14680064, 8388608, 2097152, 3145728, 5242880, true, 48213, 17));
  }

  static Stream<Arguments> workingSets() {
    return Stream.of(
        Arguments.of("usage minus inactive_file", "inactive_file 5242880\n", 23887872L, 18644992L),
        Arguments.of("inactive above usage floors at 0", "inactive_file 40000\n", 30000L, 0L),
        Arguments.of("inactive equal to usage", "inactive_file 30000\n", 30000L, 0L),
        Arguments.of("key missing: usage", "anon 10\n", 30000L, 30000L),
        Arguments.of("key present as 0", "inactive_file 0\n", 30000L, 30000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workingSets")
  void workingSetAsCadvisor(String name, String content, long usage, long expected) {
    assertThat(CgroupV2MemoryStat.parse(content).workingSet(usage)).isEqualTo(expected);
  }

  @Test
  void rejectsTruncatedLine() {
    assertThatThrownBy(() -> CgroupV2MemoryStat.parse("anon 1\nfile\n"))
        .hasMessage("memory.stat line 2: expected \"key value\", got \"file\"");
  }

  @Test
  void memoryEventsOomKill() {
    assertThat(
            CgroupV2MemoryEvents.parse(
                    "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n")
                .oomKills())
        .isEqualTo(1);
    assertThat(CgroupV2MemoryEvents.parse("low 0\nhigh 0\nmax 0\noom 0\n").oomKills())
        .as("before 4.13")
        .isZero();
  }
}
