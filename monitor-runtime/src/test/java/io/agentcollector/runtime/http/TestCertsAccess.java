package io.agentcollector.runtime.http;

import java.nio.file.Path;

/** {@link TestCerts} for tests of other packages. */
public final class TestCertsAccess {

  private TestCertsAccess() {}

  public static void create(Path dir, String name) throws Exception {
    TestCerts.create(dir, name);
  }
}
