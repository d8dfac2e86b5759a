package io.agentcollector.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void theSameNameIsTheSameInstance() {
    Names names = new Names(8);
    String text = "pgfault 1\npgmajfault 2\npgfault 3\n";
    String first = names.of(text, 0, 7);
    assertThat(first).isEqualTo("pgfault");
    assertThat(names.of(text, 23, 30)).isSameAs(first);
    assertThat(names.of(text, 10, 20)).isEqualTo("pgmajfault");
    assertThat(names.of("pgfault")).isSameAs(first);
  }

  @Test
  void aFullTableStillAnswersRightNames() {
    Names names = new Names(1);
    for (int i = 0; i < 10_000; i++) {
      String n = "name" + i;
      assertThat(names.of(n)).isEqualTo(n);
    }
    assertThat(names.of("x name42 y", 2, 8)).isEqualTo("name42");
    assertThat(names.of("", 0, 0)).isEmpty();
  }
}
