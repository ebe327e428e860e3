package com.acme.billing.usage;

import com.acme.billing.api.UsageLine;
import com.acme.billing.operations.BillingFact;
import com.acme.billing.operations.BillingFact.UsageLevelCrossed;
import com.acme.billing.persistence.Timestamps;
import com.acme.billing.plan.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Announces usage crossing the alert thresholds (80 %, 95 %) once per customer, resource, usage
 * month and threshold: the first record that reaches one claims its row in {@code
 * billing.usage_alert}, on whichever instance; later records above it find the row (or, on this
 * instance, the remembered claim) and announce nothing.
 */
@Stateless
public class UsageCrossings {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject Event<BillingFact> facts;
  @Inject Clock clock;
  @Inject ClaimedCrossings claimed;

  /** After a usage record: announces each threshold the line reached for the first time. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recorded(String customerId, Resource resource, Instant monthStart, UsageLine line) {
    for (int percent : claimed.unclaimed(customerId, resource, monthStart, line)) {
      if (claim(customerId, resource, monthStart, percent)) {
        facts.fire(
            new UsageLevelCrossed(customerId, resource.id(), percent, line.used(), line.limit()));
      }
      claimed.remember(customerId, resource, monthStart, percent);
    }
  }

  private boolean claim(String customerId, Resource resource, Instant monthStart, int percent) {
    // Native: an insert-if-missing in one statement (no upsert syntax is shared by H2 and PG); a
    // concurrent twin on another instance fails on the primary key and rolls this back.
    return em.createNativeQuery(
                "insert into billing.usage_alert"
                    + " (customer_id, resource, period_start, percent, raised_at)"
                    + " select ?1, ?2, ?3, ?4, ?5 where not exists (select 1 from"
                    + " billing.usage_alert where customer_id = ?1 and resource = ?2"
                    + " and period_start = ?3 and percent = ?4)")
            .setParameter(1, customerId)
            .setParameter(2, resource.id())
            .setParameter(3, Timestamps.utc(monthStart))
            .setParameter(4, percent)
            .setParameter(5, Timestamps.utc(clock.instant()))
            .executeUpdate()
        == 1;
  }
}
