package io.agentcollector.runtime.config;

import io.agentcollector.api.InvalidConfigException;

/**
 * node_exporter's {@code --web.listen-address} form: {@code :9100}, {@code 127.0.0.1:9100}, {@code
 * [::1]:9100}. An empty host means every interface.
 */
public record ListenAddress(String host, int port) {

  public static ListenAddress parse(String key, String value) {
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw new InvalidConfigException(
          key, value, "host:port, e.g. \":9100\" or \"127.0.0.1:9100\"");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new InvalidConfigException(key, value, "an IPv6 host in brackets, e.g. \"[::1]:9100\"");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key, value, "a port number from 0 to 65535 after the colon");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidConfigException(key, value, "a port number from 0 to 65535 after the colon");
    }
    return new ListenAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
