package io.agentcollector.runtime.plugins;

import io.agentcollector.api.CollectorContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Function;

/**
 * A plugin's extension class (collector, container runtime, cgroup reader, enricher) and how the
 * runtime creates it for one start: with its public constructor taking the {@link CollectorContext}
 * if it has one, else with its public no-arg constructor followed by the extension point's old
 * {@code start(context)} (plugins built for API 0.1.0). What a constructor throws comes out as
 * itself, as if {@code start} had thrown it.
 *
 * @param <T> the extension point
 */
public final class PluginExtension<T> {

  /** An extension point's {@code start(CollectorContext)}, for extensions of the old form. */
  @FunctionalInterface
  public interface OldStart<T> {
    void start(T extension, CollectorContext context) throws Exception;
  }

  private final Class<? extends T> type;
  private final String name;
  private final Constructor<? extends T> withContext;
  private final Constructor<? extends T> noArg;

  private PluginExtension(Class<? extends T> type, String name) {
    this.type = type;
    this.name = name;
    this.withContext = constructor(type, CollectorContext.class);
    this.noArg = withContext == null ? constructor(type) : null;
    if (withContext == null && noArg == null) {
      throw new IllegalArgumentException(
          type.getName()
              + " has neither a public constructor taking CollectorContext nor a public no-arg one");
    }
  }

  /** An extension whose class declares its name (a collector's {@code @CollectorInfo}). */
  public static <T> PluginExtension<T> named(Class<? extends T> type, String name) {
    return new PluginExtension<>(type, name);
  }

  /**
   * An extension whose class declares no name: one instance is made with the no-arg constructor and
   * asked, as PF4J did before the agent created extensions itself. That instance is not started;
   * each start creates its own.
   */
  public static <T> PluginExtension<T> asking(Class<? extends T> type, Function<T, String> name)
      throws Exception {
    return named(type, name.apply(named(type, "").probe()));
  }

  public Class<? extends T> type() {
    return type;
  }

  public String name() {
    return name;
  }

  /** Whether it is of the form that receives the context in its constructor. */
  public boolean takesContext() {
    return withContext != null;
  }

  /**
   * A new instance, started: the context constructor, or the no-arg constructor and {@code
   * oldStart}. {@code oldStart} sees the instance before it starts it, so a caller can stop an
   * instance whose start failed, as the runtime always did.
   */
  public T create(CollectorContext context, OldStart<? super T> oldStart) throws Exception {
    if (withContext != null) {
      return construct(withContext, context);
    }
    T extension = construct(noArg);
    oldStart.start(extension, context);
    return extension;
  }

  /**
   * An instance of the old form, not started, to ask what its class does not declare. One that
   * takes the context has to declare it: it cannot be created before its name is known.
   */
  T probe() throws Exception {
    if (noArg == null) {
      throw new IllegalArgumentException(
          type.getName() + " takes a CollectorContext in its constructor but declares no name");
    }
    return construct(noArg);
  }

  private static <T> Constructor<? extends T> constructor(
      Class<? extends T> type, Class<?>... args) {
    try {
      return type.getConstructor(args);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static <T> T construct(Constructor<? extends T> constructor, Object... args)
      throws Exception {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return type.getName() + " (" + name + ")";
  }
}
