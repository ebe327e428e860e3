package com.acme.platform.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One PostgreSQL notification channel between the instances of the product. A writer sends {@link
 * #payload(String)} with {@code pg_notify} inside its transaction (PostgreSQL delivers it at
 * commit); every instance listens on one pooled connection, on a daemon thread, and hears the
 * others' changes within milliseconds. Notifications are a fast path only: they are lost while a
 * listener reconnects (it then reports {@link Listener#mayHaveMissed()}), and H2 has none, so the
 * modules keep their one-second poll as the fallback.
 */
public final class ChangeChannel implements AutoCloseable {

  /** What a listening module does with what it hears. Called on the channel's thread. */
  public interface Listener {
    /** Another instance changed {@code key} (a customer id, a flag key). */
    void changed(String key);

    /** Notifications may have been lost (the listener (re)connected): refresh everything. */
    void mayHaveMissed();
  }

  private static final Logger LOG = Logger.getLogger(ChangeChannel.class.getName());
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** This JVM's mark in every payload it sends, so that it ignores its own notifications. */
  private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);

  private static final int WAIT_MILLIS = 5_000;
  private static final long RECONNECT_MILLIS = 1_000;

  private final DataSource dataSource;
  private final String channel;
  private final Listener listener;
  private final Thread thread;
  private volatile boolean open = true;
  private volatile boolean onPostgres;
  private volatile Connection current;

  /** What a writer runs in its transaction, with {@link #name()} and {@link #payload(String)}. */
  public static final String NOTIFY_SQL = "select pg_notify(?1, ?2)";

  private ChangeChannel(DataSource dataSource, String channel, Listener listener) {
    if (!NAME.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
    this.dataSource = dataSource;
    this.channel = channel;
    this.listener = listener;
    this.thread = new Thread(this::run, "change-channel-" + channel);
    thread.setDaemon(true);
  }

  /**
   * Starts listening on {@code channel} if the data source is PostgreSQL (the thread finds out and
   * ends by itself on another database).
   */
  public static ChangeChannel listen(DataSource dataSource, String channel, Listener listener) {
    ChangeChannel started = new ChangeChannel(dataSource, channel, listener);
    started.thread.start();
    return started;
  }

  /** The payload announcing a change of {@code key} from this instance. */
  public static String payload(String key) {
    return INSTANCE + ":" + key;
  }

  /** The changed key of a payload from another instance; empty for this instance's own. */
  static Optional<String> foreignKey(String payload) {
    int colon = payload.indexOf(':');
    if (colon < 0 || payload.substring(0, colon).equals(INSTANCE)) {
      return Optional.empty();
    }
    return Optional.of(payload.substring(colon + 1));
  }

  private void run() {
    while (open) {
      try (Connection connection = dataSource.getConnection()) {
        if (!connection.isWrapperFor(PGConnection.class)) {
          LOG.fine(() -> channel + ": not PostgreSQL, the poll alone carries changes");
          return;
        }
        onPostgres = true;
        current = connection;
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + channel);
        }
        // Whatever happened before this LISTEN was not heard.
        safely("a refresh", listener::mayHaveMissed);
        while (open) {
          PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
          if (heard != null) {
            for (PGNotification notification : heard) {
              foreignKey(notification.getParameter())
                  .ifPresent(key -> safely("a change of " + key, () -> listener.changed(key)));
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (open) {
          LOG.log(Level.FINE, channel + ": listening failed; reconnecting", e);
          pause();
        }
      } finally {
        current = null;
      }
    }
  }

  /**
   * Whether writers should notify: the database is PostgreSQL (known once the listener connected;
   * until then, and on H2, the poll carries the change).
   */
  public boolean onPostgres() {
    return onPostgres;
  }

  /** Whether the listening thread still runs (it ends on another database, or when closed). */
  boolean running() {
    return thread.isAlive();
  }

  public String name() {
    return channel;
  }

  private void safely(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, channel + ": applying " + what + " failed; the poll will catch up", e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RECONNECT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      open = false;
    }
  }

  /** Stops listening (at application stop); the connection goes back to the pool. */
  @Override
  public void close() {
    open = false;
    Connection connection = current;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
