package io.agentcollector.runtime.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseable;
import java.io.File;
import java.nio.file.Path;

/**
 * {@code include "x.conf"} and {@code include file("x.conf")} in the agent's config: the file must
 * exist (HOCON ignores a missing include unless written {@code required(...)}, which silently drops
 * the settings a user meant to apply) and passes the same checks as the main file. Relative names
 * resolve against the including file's directory. Classpath and URL includes keep typesafe's
 * behaviour.
 */
final class RequiredIncluder implements ConfigIncluder, ConfigIncluderFile {

  private final Path directory;

  /**
   * @param directory where the main config file is: relative names not found next to the including
   *     file are reported there
   */
  RequiredIncluder(Path directory) {
    this.directory = directory;
  }

  @Override
  public ConfigIncluder withFallback(ConfigIncluder fallback) {
    return this;
  }

  @Override
  public ConfigObject include(ConfigIncludeContext context, String what) {
    ConfigParseable parseable = context.relativeTo(what);
    // Not found next to the including file, typesafe falls back to the class path: not for us.
    String file = parseable == null ? null : parseable.origin().filename();
    if (file == null) {
      throw new ConfigError("included file " + directory.resolve(what) + " does not exist");
    }
    ConfigFile.check(Path.of(file), "included file " + file);
    return parseable.parse(context.parseOptions().setAllowMissing(false));
  }

  @Override
  public ConfigObject includeFile(ConfigIncludeContext context, File what) {
    ConfigFile.check(what.toPath(), "included file " + what);
    return ConfigFactory.parseFile(what, context.parseOptions().setAllowMissing(false)).root();
  }
}
