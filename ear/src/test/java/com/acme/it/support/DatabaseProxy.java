package com.acme.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy the tests own between a Liberty server and PostgreSQL, so that database faults are
 * made here and never by stopping the shared PostgreSQL. It can be open (forwarding), closed
 * (connections refused, existing ones cut) or frozen (connections accepted, nothing forwarded).
 */
public final class DatabaseProxy implements AutoCloseable {

  private final int port;
  private final String upstreamHost;
  private final int upstreamPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;
  private volatile boolean frozen;
  private final AtomicLong statements = new AtomicLong();

  public DatabaseProxy(int port, String upstreamHost, int upstreamPort) {
    this.port = port;
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
  }

  public int port() {
    return port;
  }

  /** Statements the server has sent to PostgreSQL through this proxy so far. */
  public long statementCount() {
    return statements.get();
  }

  /** Starts forwarding (again); a frozen proxy thaws. */
  public synchronized DatabaseProxy open() throws IOException {
    frozen = false;
    if (listener == null) {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = server;
      Thread acceptor = new Thread(() -> acceptLoop(server), "db-proxy-accept-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
    }
    synchronized (this) {
      notifyAll();
    }
    return this;
  }

  /** Refuses new connections and cuts the existing ones, as a database that went away. */
  public synchronized void shut() {
    ServerSocket server = listener;
    listener = null;
    if (server != null) {
      closeQuietly(server);
    }
    sockets.forEach(DatabaseProxy::closeQuietly);
    sockets.clear();
  }

  /** Keeps connections open but forwards nothing, as a database that hangs. */
  public void freeze() {
    frozen = true;
  }

  @Override
  public void close() {
    frozen = false;
    shut();
  }

  private void acceptLoop(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        try {
          upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5_000);
        } catch (IOException e) {
          closeQuietly(client);
          closeQuietly(upstream);
          continue;
        }
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, new PgStatementCounter(statements));
        pump(upstream, client, null);
      } catch (IOException e) {
        return; // listener closed
      }
    }
  }

  private void pump(Socket from, Socket to, PgStatementCounter counter) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  awaitThaw();
                  if (counter != null) {
                    counter.accept(buffer, n);
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // connection cut on one side: cut the other as well
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            "db-proxy-pump-" + port);
    t.setDaemon(true);
    t.start();
  }

  private synchronized void awaitThaw() throws InterruptedException {
    while (frozen) {
      wait(200);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
