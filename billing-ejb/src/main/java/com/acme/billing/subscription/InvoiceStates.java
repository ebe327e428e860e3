package com.acme.billing.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What each subscription invoice last said ({@code billing.invoice_state}): a paid invoice stays
 * paid, so a late {@code invoice.payment_failed} for it no longer counts. Written under the
 * customer's lock.
 */
@ApplicationScoped
public class InvoiceStates {

  public static final String PAID = "paid";
  public static final String PAYMENT_FAILED = "payment_failed";

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject Clock clock;

  public Optional<String> status(String invoiceId) {
    return em
        .createNativeQuery("select status from billing.invoice_state where invoice_id = ?1")
        .setParameter(1, invoiceId)
        .getResultList()
        .stream()
        .findFirst()
        .map(String.class::cast);
  }

  /** Records the invoice's state; paid is final. */
  public void record(String invoiceId, String subscriptionId, String status) {
    Optional<String> stored = status(invoiceId);
    if (stored.isEmpty()) {
      em.createNativeQuery(
              "insert into billing.invoice_state (invoice_id, subscription_id, status, updated_at)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, invoiceId)
          .setParameter(2, subscriptionId)
          .setParameter(3, status)
          .setParameter(4, clock.instant().atOffset(ZoneOffset.UTC))
          .executeUpdate();
    } else if (!PAID.equals(stored.get())) {
      em.createNativeQuery(
              "update billing.invoice_state set status = ?2, updated_at = ?3 where invoice_id = ?1")
          .setParameter(1, invoiceId)
          .setParameter(2, status)
          .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC))
          .executeUpdate();
    }
  }

  /** Whether the subscription has an invoice whose payment failed and that is not paid since. */
  public boolean hasFailed(String subscriptionId) {
    return !em.createNativeQuery(
            "select invoice_id from billing.invoice_state where subscription_id = ?1 and status = ?2")
        .setParameter(1, subscriptionId)
        .setParameter(2, PAYMENT_FAILED)
        .getResultList()
        .isEmpty();
  }
}
