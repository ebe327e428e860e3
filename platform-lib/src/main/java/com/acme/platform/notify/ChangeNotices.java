package com.acme.platform.notify;

import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

/**
 * A module's notices on one {@link ChangeChannel}: it listens once, and announces changes in the
 * writer's transaction while the channel is on PostgreSQL. Held by one application-scoped bean per
 * module, which closes it when the application stops.
 */
public final class ChangeNotices {

  private final String channelName;
  private ChangeChannel channel;

  public ChangeNotices(String channelName) {
    this.channelName = channelName;
  }

  /** Starts listening (the first call only) for the other instances' changes. */
  public synchronized void listen(DataSource dataSource, ChangeChannel.Listener listener) {
    if (channel == null) {
      channel = ChangeChannel.listen(dataSource, channelName, listener);
    }
  }

  /**
   * Announces a change of {@code key} in the caller's transaction: PostgreSQL delivers it only if
   * the transaction commits. Nothing before the listener knows the database is PostgreSQL.
   */
  public void announce(EntityManager em, String key) {
    ChangeChannel listening = current();
    if (listening != null && listening.onPostgres()) {
      em.createNativeQuery(ChangeChannel.NOTIFY_SQL)
          .setParameter(1, channelName)
          .setParameter(2, ChangeChannel.payload(key))
          .getSingleResult();
    }
  }

  private synchronized ChangeChannel current() {
    return channel;
  }

  public synchronized void close() {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
