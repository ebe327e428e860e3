package com.acme.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second Liberty server (its own JVM) with the same EAR, created by the build beside the
 * Arquillian server. Tests start it with the environment they need and stop it when done.
 *
 * <p>The server gets exactly that environment, plus what the JVM needs to run ({@link #INHERITED}),
 * never the rest of the caller's: a {@code STRIPE_WEBHOOK_SECRETS} or {@code MP_CONFIG_PROFILE}
 * exported in the shell that runs the build does not reach it.
 */
public final class PeerServer implements AutoCloseable {

  /** What the server script and the JVM need from the caller's environment; nothing else passes. */
  static final List<String> INHERITED =
      List.of("PATH", "JAVA_HOME", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");

  private final Path script = ItConfig.wlpDir().resolve("bin/server");
  private final String name;
  private final int httpPort;
  private final boolean onTestDatabase;
  private final boolean shared;
  private boolean running;

  /**
   * The peer server of the multi-instance and fault tests, on the test database: unless a test
   * gives its own {@code BILLING_DATA_KEYS} (blank: none), it gets the data keys of the main
   * server.
   */
  public PeerServer() {
    this(false);
  }

  /** The peer; {@code shared}: the one {@link SharedPeer} keeps running between test classes. */
  PeerServer(boolean shared) {
    this(ItConfig.get("it.peer.server.name"), ItConfig.integer("it.peer.http.port"), true, shared);
  }

  private PeerServer(String name, int httpPort, boolean onTestDatabase, boolean shared) {
    this.name = name;
    this.httpPort = httpPort;
    this.onTestDatabase = onTestDatabase;
    this.shared = shared;
  }

  /**
   * The server of the browser tests: the embedded default (H2, the Stripe sandbox); its port and
   * anything else come from the environment given to {@link #startReady}.
   */
  public static PeerServer ui() {
    return new PeerServer(
        ItConfig.get("it.ui.server.name"), ItConfig.integer("it.ui.http.port"), false, false);
  }

  /** Starts the server with these environment variables (they override server.xml defaults). */
  public PeerServer start(Map<String, String> environment)
      throws IOException, InterruptedException {
    if (onTestDatabase && !shared) {
      SharedPeer.stop(); // the same Liberty server, about to start with another environment
    }
    Map<String, String> given = new HashMap<>(environment);
    if (onTestDatabase) {
      given.putIfAbsent("BILLING_DATA_KEYS", TestSecrets.itDataKeys());
    }
    run(List.of(script.toString(), "start", name), given, Duration.ofMinutes(3));
    running = true;
    return this;
  }

  /**
   * Starts the server and waits until {@code /health/ready} is UP; stops it again if it never is,
   * so that a failed start does not leave a server behind for the next test.
   */
  public PeerServer startReady(Map<String, String> environment)
      throws IOException, InterruptedException {
    start(environment);
    Http http = http();
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> http.get("/health/ready", null).statusCode() == 200);
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
    return this;
  }

  public Http http() {
    return new Http(URI.create(baseUrl()));
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  /**
   * Kills the server's JVM as {@code kill -9} does: no shutdown hooks, no in-flight request
   * finishes. The server can be started again afterwards.
   */
  public void kill() throws IOException {
    Path pidFile = ItConfig.wlpDir().resolve("usr/servers/.pid/" + name + ".pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    process.destroyForcibly(); // SIGKILL on Linux
    process.onExit().join();
    running = false;
  }

  /** The server's logs directory. */
  public static Path logs() {
    return ItConfig.wlpDir()
        .resolve("usr/servers")
        .resolve(ItConfig.get("it.peer.server.name"))
        .resolve("logs");
  }

  /** What the current {@code messages.log} holds (Liberty starts a new one at each start). */
  public String messages() throws IOException {
    Path log = ItConfig.wlpDir().resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  boolean running() {
    return running;
  }

  /** Stops the shared peer (its users leave it running: {@link #close} does nothing for it). */
  void stopShared() throws IOException, InterruptedException {
    stop();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!shared) { // the shared one is kept running for the next test class; SharedPeer stops it
      stop();
    }
  }

  private void stop() throws IOException, InterruptedException {
    if (running) {
      run(List.of(script.toString(), "stop", name), Map.of(), Duration.ofMinutes(2));
      running = false;
    }
  }

  private static void run(List<String> command, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> inherited = new HashMap<>(builder.environment());
    builder.environment().clear();
    for (String name : INHERITED) {
      if (inherited.containsKey(name)) {
        builder.environment().put(name, inherited.get(name));
      }
    }
    builder.environment().putAll(environment);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within " + timeout);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " exited with " + process.exitValue());
    }
  }
}
