package com.acme.billing.entitlement;

import com.acme.billing.api.BillingModuleStatus;
import com.acme.billing.subscription.EntitlementNotices;
import com.acme.platform.notify.ChangeChannel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies entitlement changes made by other server instances: at once when PostgreSQL notifies one,
 * and, as the fallback (and the only way on H2), every second it reads the changes of the last two
 * minutes (by the database's clock) and drops the cache entry of each customer whose change it has
 * not seen yet. Reading a window, not "after the last id", means a transaction that commits late
 * with a lower id is still seen.
 */
@Startup
@Singleton
public class EntitlementChangePoller {

  private static final Logger LOG = Logger.getLogger(EntitlementChangePoller.class.getName());

  /**
   * Longer than any transaction that writes a change: the change's time is its transaction's start
   * (current_timestamp), and a webhook transaction may wait on Stripe (timeouts, retries).
   */
  private static final int WINDOW_SECONDS = 120;

  private static final int PURGE_EVERY_TICKS = 60;

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject EntitlementCache cache;

  @EJB BillingModuleStatus schema;

  @Inject EntitlementNotices notices;

  /** The one-second poll, the fallback of the notifications; off only to prove them in tests. */
  @Inject
  @ConfigProperty(name = "app.change-poll.enabled", defaultValue = "true")
  boolean pollEnabled;

  /**
   * The fast path: another instance's change, heard through PostgreSQL within milliseconds; the
   * poll below stays for H2 and for what a reconnecting listener missed.
   */
  @PostConstruct
  void listen() {
    notices.listen(
        new ChangeChannel.Listener() {
          @Override
          public void changed(String customerId) {
            cache.invalidate(customerId);
          }

          @Override
          public void mayHaveMissed() {
            cache.invalidateAll();
          }
        });
  }

  /** Change id -> tick it was seen at; forgotten once it has left the window. */
  private final Map<Long, Long> seen = new HashMap<>();

  private long tick;
  private boolean missedAPoll;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void poll() {
    if (!pollEnabled || schema.notReadyReason().isPresent()) {
      return;
    }
    tick++;
    try {
      // Native: the window is interval arithmetic on the database's clock, which JPQL cannot say.
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select id, customer_id from billing.entitlement_change"
                      + " where changed_at > current_timestamp - interval '"
                      + WINDOW_SECONDS
                      + "' second")
              .getResultList();
      for (Object[] row : rows) {
        long id = ((Number) row[0]).longValue();
        if (seen.putIfAbsent(id, tick) == null) {
          cache.invalidate((String) row[1]);
        }
      }
      if (missedAPoll) {
        // Changes may have left the window while the database could not be read.
        cache.invalidateAll();
        missedAPoll = false;
      }
      seen.values().removeIf(at -> tick - at > 2L * WINDOW_SECONDS);
      if (tick % PURGE_EVERY_TICKS == 0) {
        // Native: as above, the age is interval arithmetic on the database's clock.
        em.createNativeQuery(
                "delete from billing.entitlement_change"
                    + " where changed_at < current_timestamp - interval '1' hour")
            .executeUpdate();
      }
    } catch (PersistenceException e) {
      missedAPoll = true;
      LOG.log(Level.FINE, "entitlement change poll failed; retrying next second", e);
    }
  }
}
