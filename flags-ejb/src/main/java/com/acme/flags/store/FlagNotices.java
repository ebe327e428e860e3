package com.acme.flags.store;

import com.acme.platform.notify.ChangeChannel;
import com.acme.platform.notify.ChangeNotices;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

/**
 * The {@code flags_changes} channel: a changed flag's key, announced with the change counter's bump
 * and heard by the other instances at commit. The counter's poll stays the fallback (H2, missed
 * notices).
 */
@ApplicationScoped
public class FlagNotices {

  @Resource(lookup = "jdbc/appDS")
  DataSource dataSource;

  private final ChangeNotices notices = new ChangeNotices("flags_changes");

  public void listen(ChangeChannel.Listener listener) {
    notices.listen(dataSource, listener);
  }

  void announce(EntityManager em, String key) {
    notices.announce(em, key);
  }

  @PreDestroy
  void close() {
    notices.close();
  }
}
