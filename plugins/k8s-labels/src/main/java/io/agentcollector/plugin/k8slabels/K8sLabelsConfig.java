package io.agentcollector.plugin.k8slabels;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the k8s-labels plugin.
 *
 * @param nodeName the node whose pods are watched
 * @param kubeconfig a kubeconfig file, empty for fabric8's auto-configuration
 * @param masterUrl the API server's URL overriding the configured one, if set
 * @param podLabelAllowlist pod label names exposed as {@code label_<name>}
 * @param resyncInterval informer resync period, zero for none
 * @param reconnectInterval first list/watch retry delay (doubles up to 32 times it)
 * @param requestTimeout connect and request timeout
 */
record K8sLabelsConfig(
    String nodeName,
    Optional<Path> kubeconfig,
    Optional<String> masterUrl,
    List<String> podLabelAllowlist,
    Duration resyncInterval,
    Duration reconnectInterval,
    Duration requestTimeout) {

  static final String NODE_NAME_ENV = "NODE_NAME";

  // A node name is a DNS subdomain (RFC 1123), as the API server validates it.
  private static final Pattern NODE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  static K8sLabelsConfig from(PluginConfig c, Map<String, String> env) {
    String node = nodeName(c, env);
    Optional<Path> kubeconfig = kubeconfig(c);
    Optional<String> master = masterUrl(c);
    List<String> allowlist = allowlist(c);
    Duration resync = c.getDuration("resync-interval");
    Duration reconnect = positiveMillis(c, "reconnect-interval");
    Duration timeout = positiveMillis(c, "request-timeout");
    if (!resync.isZero() && resync.toMillis() < 1000) {
      throw new InvalidConfigException(
          c.key("resync-interval"),
          c.raw().getValue("resync-interval").unwrapped(),
          "0s (off) or at least 1s");
    }
    return new K8sLabelsConfig(node, kubeconfig, master, allowlist, resync, reconnect, timeout);
  }

  private static String nodeName(PluginConfig c, Map<String, String> env) {
    String node = c.getString("node-name").trim();
    if (!node.isEmpty()) {
      if (!validNodeName(node)) {
        throw new InvalidConfigException(
            c.key("node-name"), node, "a node name (lower-case DNS name)");
      }
      return node;
    }
    node = env.getOrDefault(NODE_NAME_ENV, "").trim();
    if (node.isEmpty()) {
      throw new InvalidConfigException(
          c.key("node-name"),
          "",
          "the name of this node: set it, or the environment variable "
              + NODE_NAME_ENV
              + " (in a DaemonSet: valueFrom.fieldRef.fieldPath spec.nodeName)");
    }
    if (!validNodeName(node)) {
      throw new InvalidConfigException(
          c.key("node-name"),
          node,
          "a node name (lower-case DNS name) in the environment variable " + NODE_NAME_ENV);
    }
    return node;
  }

  private static Optional<Path> kubeconfig(PluginConfig c) {
    String kc = c.getString("kubeconfig");
    if (kc.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(kc.replace('\0', '?'));
    if (kc.indexOf('\0') >= 0 || !Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new InvalidConfigException(
          c.key("kubeconfig"),
          kc,
          "a readable kubeconfig file, or \"\" for the service account / ~/.kube/config");
    }
    return Optional.of(p);
  }

  private static Optional<String> masterUrl(PluginConfig c) {
    String url = c.getString("master-url").trim();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!validUrl(url)) {
      throw new InvalidConfigException(
          c.key("master-url"),
          url,
          "an http:// or https:// URL such as https://10.96.0.1:443, or \"\"");
    }
    return Optional.of(url);
  }

  private static List<String> allowlist(PluginConfig c) {
    List<String> allowlist = c.getStringList("pod-label-allowlist");
    for (String label : allowlist) {
      if (label.isBlank()) {
        throw new InvalidConfigException(
            c.key("pod-label-allowlist"), allowlist, "a list of pod label names");
      }
    }
    return List.copyOf(allowlist);
  }

  private static boolean validNodeName(String node) {
    return node.length() <= 253 && NODE_NAME.matcher(node).matches();
  }

  private static boolean validUrl(String url) {
    try {
      URI u = new URI(url);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  // fabric8 takes these as int milliseconds.
  private static Duration positiveMillis(PluginConfig c, String key) {
    Duration d = c.getDuration(key);
    if (d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
      throw new InvalidConfigException(
          c.key(key), c.raw().getValue(key).unwrapped(), "a duration between 1ms and 24 days");
    }
    return d;
  }
}
