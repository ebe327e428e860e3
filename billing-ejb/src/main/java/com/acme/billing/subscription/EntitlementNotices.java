package com.acme.billing.subscription;

import com.acme.platform.notify.ChangeChannel;
import com.acme.platform.notify.ChangeNotices;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

/**
 * The {@code billing_entitlements} channel: a changed customer's id, announced in the transaction
 * that changed its subscriptions and heard by the other instances at commit. The {@code
 * billing.entitlement_change} table and its poll stay the fallback (H2, missed notices).
 */
@ApplicationScoped
public class EntitlementNotices {

  @Resource(lookup = "jdbc/appDS")
  DataSource dataSource;

  private final ChangeNotices notices = new ChangeNotices("billing_entitlements");

  public void listen(ChangeChannel.Listener listener) {
    notices.listen(dataSource, listener);
  }

  void announce(EntityManager em, String customerId) {
    notices.announce(em, customerId);
  }

  @PreDestroy
  void close() {
    notices.close();
  }
}
