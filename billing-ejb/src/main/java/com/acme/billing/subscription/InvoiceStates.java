package com.acme.billing.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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
    return Optional.ofNullable(em.find(InvoiceState.class, invoiceId)).map(InvoiceState::getStatus);
  }

  /** Records the invoice's state; paid is final. */
  public void record(String invoiceId, String subscriptionId, String status) {
    InvoiceState stored = em.find(InvoiceState.class, invoiceId);
    if (stored == null) {
      em.persist(new InvoiceState(invoiceId, subscriptionId, status, clock.instant()));
    } else if (!PAID.equals(stored.getStatus())) {
      stored.changeTo(status, clock.instant());
    }
  }

  /** Whether the subscription has an invoice whose payment failed and that is not paid since. */
  public boolean hasFailed(String subscriptionId) {
    return em.createNamedQuery("InvoiceState.countBySubscriptionAndStatus", Long.class)
            .setParameter("subscriptionId", subscriptionId)
            .setParameter("status", PAYMENT_FAILED)
            .getSingleResult()
        > 0;
  }
}
