package com.acme.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second Liberty server (its own JVM) with the same EAR, created by the build beside the
 * Arquillian server. Tests start it with the environment they need and stop it when done.
 */
public final class PeerServer implements AutoCloseable {

  private final Path script = ItConfig.wlpDir().resolve("bin/server");
  private final String name = ItConfig.get("it.peer.server.name");
  private boolean running;

  /** Starts the server with extra environment variables (they override server.xml defaults). */
  public PeerServer start(Map<String, String> environment)
      throws IOException, InterruptedException {
    run(List.of(script.toString(), "start", name), environment, Duration.ofMinutes(3));
    running = true;
    return this;
  }

  /** Starts the server and waits until {@code /health/ready} is UP. */
  public PeerServer startReady(Map<String, String> environment)
      throws IOException, InterruptedException {
    start(environment);
    Http http = http();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> http.get("/health/ready", null).statusCode() == 200);
    return this;
  }

  public Http http() {
    return new Http(URI.create("http://localhost:" + ItConfig.integer("it.peer.http.port")));
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

  @Override
  public void close() throws IOException, InterruptedException {
    if (running) {
      run(List.of(script.toString(), "stop", name), Map.of(), Duration.ofMinutes(2));
      running = false;
    }
  }

  private static void run(List<String> command, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
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
