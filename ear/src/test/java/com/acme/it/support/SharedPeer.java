package com.acme.it.support;

import java.io.IOException;
import java.util.Map;

/**
 * The peer server as the multi-instance tests share it (two instances, the sandbox without a Stripe
 * key, the crash): one environment, started on first use and kept running from one test class to
 * the next, stopped when a test starts the peer with an environment of its own or when the run
 * ends. Saves a server start and stop per class that would start it the same way.
 */
public final class SharedPeer {

  /**
   * The test database, no Stripe key (so the sandbox serves), both webhook secrets of the run, its
   * logs as JSON (the main server's are plain text: both formats are in use in every run), and no
   * change poll: what the other server changes reaches it through PostgreSQL's notifications alone.
   */
  public static final Map<String, String> ENVIRONMENT =
      Map.of(
          "DB_PORT",
          ItConfig.get("it.db.port"),
          "STRIPE_WEBHOOK_SECRETS",
          StripeEvents.PREVIOUS_SECRET + "," + StripeEvents.CURRENT_SECRET,
          "LOG_FORMAT",
          "json",
          "APP_CHANGE_POLL_ENABLED",
          "false");

  private static PeerServer peer;

  private SharedPeer() {}

  /** The shared peer, ready; started (again, after a kill) when it is not running. */
  public static synchronized PeerServer ready() throws IOException, InterruptedException {
    if (peer == null) {
      peer = new PeerServer(true);
    }
    if (!peer.running()) {
      peer.startReady(ENVIRONMENT);
    }
    return peer;
  }

  /** Stops the shared peer if it runs: the peer server is about to start another way. */
  static synchronized void stop() throws IOException, InterruptedException {
    if (peer != null) {
      peer.stopShared();
    }
  }
}
