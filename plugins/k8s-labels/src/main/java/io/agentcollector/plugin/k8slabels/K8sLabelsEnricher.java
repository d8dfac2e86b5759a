package io.agentcollector.plugin.k8slabels;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.Threads;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerInfo;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes labels for containers ({@code namespace}, {@code pod}, {@code container}, allowlisted
 * {@code label_<name>}) from a fabric8 informer on the pods of this node (field selector {@code
 * spec.nodeName}). {@link #labels} only reads the maps the informer's event handler keeps; the
 * informer lists, watches and retries on its own threads, so a lost API server leaves the last
 * known pods in place.
 */
@Extension
public final class K8sLabelsEnricher implements ContainerEnricher {

  static final String OK = "ok";
  static final String CONNECTING = "connecting";
  static final String UNREACHABLE = "unreachable";
  static final String FORBIDDEN = "forbidden";
  static final String UNAUTHORIZED = "unauthorized";
  static final String ERROR = "error";

  private final Map<String, String> env;
  private Logger log = LoggerFactory.getLogger(K8sLabelsEnricher.class);
  private volatile PodIndex index = new PodIndex(java.util.List.of());
  private KubernetesClient client;
  private SharedIndexInformer<Pod> informer;
  private ExecutorService prober;
  private String nodeName;
  private volatile boolean synced;

  /**
   * Why the API server does not answer, from the informer's exception handler or a probe; null if
   * unknown.
   */
  private volatile String problem;

  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long probedAtNanos;
  private long probeEveryNanos;
  private boolean serverSideNodeFilter = true;

  public K8sLabelsEnricher() {
    this(System.getenv());
  }

  K8sLabelsEnricher(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String name() {
    return "k8s-labels";
  }

  @Override
  public void start(CollectorContext context) {
    log = context.logger();
    K8sLabelsConfig config = K8sLabelsConfig.from(context.config(), env);
    start(config, clientConfig(config));
  }

  /** Starts the informer; returns at once, the first list happens in the background. */
  void start(K8sLabelsConfig config, Config clientConfig) {
    nodeName = config.nodeName();
    index = new PodIndex(config.podLabelAllowlist());
    probeEveryNanos = Math.max(config.reconnectInterval().toNanos(), 1_000_000_000L);
    client = new KubernetesClientBuilder().withConfig(clientConfig).build();
    prober = Executors.newSingleThreadExecutor(Threads.daemon("k8s-labels-probe"));
    PodIndex target = index;
    var pods = client.pods().inAnyNamespace();
    informer =
        (serverSideNodeFilter ? pods.withField("spec.nodeName", nodeName) : pods)
            .runnableInformer(config.resyncInterval().toMillis());
    informer.addEventHandler(
        new ResourceEventHandler<Pod>() {
          @Override
          public void onAdd(Pod pod) {
            if (onThisNode(pod)) {
              target.put(pod);
            }
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            if (onThisNode(after)) {
              target.put(after);
            } else {
              target.remove(after);
            }
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            target.remove(pod);
          }
        });
    // The default handler gives up when the first list fails; an agent started before the API
    // server is reachable (or before its RBAC is applied) must keep trying.
    informer.exceptionHandler(
        (started, t) -> {
          String why = reason(t);
          if (!why.equals(problem)) {
            log.debug("pods of node {}: {} ({})", nodeName, why, t.toString());
          }
          problem = why;
          return true;
        });
    informer
        .start()
        .whenComplete(
            (v, t) -> {
              if (t == null) {
                synced = true;
                log.info("watching the pods of node {}: {} pods", nodeName, target.size());
              }
            });
  }

  // The API server already filters on spec.nodeName; this guards against one that does not.
  private boolean onThisNode(Pod pod) {
    return pod.getSpec() != null && nodeName.equals(pod.getSpec().getNodeName());
  }

  /**
   * For fabric8's CRUD mock server only, whose field selectors on spec.nodeName match nothing:
   * watch every pod and keep this node's by the client-side check.
   */
  K8sLabelsEnricher withoutServerSideNodeFilter() {
    serverSideNodeFilter = false;
    return this;
  }

  private static Config clientConfig(K8sLabelsConfig c) {
    Config cfg;
    if (c.kubeconfig().isPresent()) {
      try {
        String file = c.kubeconfig().get().toString();
        cfg = Config.fromKubeconfig(null, Files.readString(c.kubeconfig().get()), file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      cfg = Config.autoConfigure(null);
    }
    c.masterUrl().ifPresent(cfg::setMasterUrl);
    tune(cfg, c);
    return cfg;
  }

  /** Timeouts and retries: the informer retries by itself, so one request is not retried. */
  static void tune(Config cfg, K8sLabelsConfig c) {
    cfg.setConnectionTimeout((int) c.requestTimeout().toMillis());
    cfg.setRequestTimeout((int) c.requestTimeout().toMillis());
    cfg.setWatchReconnectInterval((int) c.reconnectInterval().toMillis());
    cfg.setWatchReconnectLimit(-1);
    cfg.setRequestRetryBackoffLimit(0);
  }

  @Override
  public Map<String, String> labels(ContainerInfo container) {
    return index.labels(container);
  }

  /**
   * {@code connecting} until the first list, {@code ok} while the watch is open, else why not. The
   * watch reconnects inside fabric8 without reporting why, so while it is down a background list
   * probe (at most once per reconnect interval) tells unreachable from forbidden.
   */
  @Override
  public String status() {
    SharedIndexInformer<Pod> inf = informer;
    if (inf == null) {
      return CONNECTING;
    }
    String p = problem;
    if (!synced) {
      return p == null ? CONNECTING : p;
    }
    if (inf.isWatching()) {
      problem = null;
      return OK;
    }
    probe();
    return p == null ? OK : p;
  }

  private void probe() {
    long now = System.nanoTime();
    if (now - probedAtNanos < probeEveryNanos || !probing.compareAndSet(false, true)) {
      return;
    }
    probedAtNanos = now;
    try {
      prober.execute(
          () -> {
            try {
              client
                  .pods()
                  .inAnyNamespace()
                  .withField("spec.nodeName", nodeName)
                  .list(
                      new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                          .withLimit(1L)
                          .build());
              problem = null;
            } catch (RuntimeException e) {
              problem = reason(e);
            } finally {
              probing.set(false);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      probing.set(false);
    }
  }

  /** The status word for a failure of the list or watch. */
  static String reason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof KubernetesClientException k) {
        if (k.getCode() == 401) {
          return UNAUTHORIZED;
        }
        if (k.getCode() == 403) {
          return FORBIDDEN;
        }
        if (k.getCode() >= 500) {
          return UNREACHABLE;
        }
      }
      if (c instanceof IOException || c instanceof java.util.concurrent.TimeoutException) {
        return UNREACHABLE;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return t instanceof KubernetesClientException k && k.getCode() == 0 ? UNREACHABLE : ERROR;
  }

  /** Whether the watch is open, for tests. */
  boolean watching() {
    SharedIndexInformer<Pod> inf = informer;
    return inf != null && inf.isWatching();
  }

  /** Pods known, for tests and the memory benchmark. */
  int podCount() {
    return index.size();
  }

  @Override
  public void stop() {
    if (informer != null) {
      informer.stop();
    }
    if (prober != null) {
      prober.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }
}
