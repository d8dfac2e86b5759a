package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

  @ParameterizedTest(name = "[{0}] -> gzip {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip                         | true",
        "deflate, gzip                | true",
        "GZIP                         | true",
        "x-gzip                       | true",
        "gzip;q=0                     | false",
        "gzip; q=0.0                  | false",
        "gzip;q=0.001                 | true",
        "br                           | false",
        "''                           | false",
        "*                            | true",
        "*;q=0                        | false",
        "*, gzip;q=0                  | false",
        "gzip;q=0, *                  | false",
        "identity;q=1, gzip;q=0.5     | false",
        "identity;q=0.5, gzip;q=0.5   | true",
        "identity;q=0, *;q=0.1        | true",
        "*;q=0, identity              | false",
        "gzip;q=banana                | false",
        "gzip;q=2                     | false",
        "br;q=1, gzip;q=0.8, *;q=0.1  | true",
        // Found by AcceptEncodingFuzzTest: an item of ';' alone threw ArrayIndexOutOfBounds (a
        // 500).
        "'*;q=0.1,;r'                 | true",
        "';'                          | false",
      })
  void honoursQValues(String header, boolean gzip) {
    assertThat(AcceptEncoding.gzip(List.of(header))).isEqualTo(gzip);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"br | gzip | true", "gzip;q=0 | br | false"})
  void readsEveryHeaderLine(String first, String second, boolean gzip) {
    assertThat(AcceptEncoding.gzip(List.of(first, second))).isEqualTo(gzip);
  }
}
