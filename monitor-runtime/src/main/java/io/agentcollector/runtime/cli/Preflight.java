package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ListenAddress;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Checks of the host that {@code run} would otherwise only hit when it binds, so {@code
 * check-config} finds them first. Whether the port is free is not checked: check-config is run next
 * to a running agent, which holds it.
 */
final class Preflight {

  private Preflight() {}

  /** Host name resolution; tests pass one that never asks DNS. */
  @FunctionalInterface
  interface Resolver {
    InetAddress resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = InetAddress::getByName;
  }

  /** The listen host resolves to an address of this machine (or is empty: every interface). */
  static void checkListenAddress(ListenAddress address, Resolver resolver) {
    if (address.host().isEmpty()) {
      return;
    }
    String where = "web.listen-address = \"" + address + "\"";
    InetAddress ip;
    try {
      ip = resolver.resolve(address.host());
    } catch (UnknownHostException e) {
      throw new ConfigError(where + ": unknown host " + address.host());
    } catch (RuntimeException e) {
      throw new ConfigError(where + ": not a host name or address");
    }
    try {
      // All of 127.0.0.0/8 is on lo, though only 127.0.0.1 is listed as its address.
      if (!ip.isAnyLocalAddress()
          && !ip.isLoopbackAddress()
          && NetworkInterface.getByInetAddress(ip) == null) {
        throw new ConfigError(
            where + ": " + ip.getHostAddress() + " is not an address of this machine");
      }
    } catch (SocketException e) {
      // No interface list (unusual sandboxes): leave the verdict to bind().
    }
  }
}
