package io.agentcollector.runtime.http.webconfig;

/** A web config file the user got wrong: the message names the file and the key. */
public final class WebConfigException extends Exception {

  public WebConfigException(String message) {
    super(message);
  }
}
