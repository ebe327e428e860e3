package com.acme.billing.invoice;

import com.acme.billing.api.Invoices.InvoicePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** The invoices of the billing history ({@code billing.invoice}), written by invoice webhooks. */
@ApplicationScoped
public class InvoiceHistory {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Records what an invoice event says, unless the history holds a newer or final state of the
   * invoice ({@link InvoiceOrdering}). The held row is locked, so two events of one invoice apply
   * one after the other.
   *
   * @return whether the event changed the history
   */
  public boolean record(String customerId, InvoiceFacts facts, long eventCreated) {
    CustomerInvoice held =
        em.find(CustomerInvoice.class, facts.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
    if (held == null) {
      em.persist(new CustomerInvoice(customerId, facts, eventCreated, clock.instant()));
      // Now, inside the event's transaction: a concurrent first event of the same invoice fails
      // here on the key and is redelivered by Stripe, then finds this row.
      em.flush();
      return true;
    }
    if (!InvoiceOrdering.replaces(
        held.status(), held.lastEventCreated(), facts.status(), eventCreated)) {
      return false;
    }
    held.update(facts, eventCreated, clock.instant());
    return true;
  }

  public InvoicePage page(String customerId, int page, int size) {
    long total =
        em.createNamedQuery("CustomerInvoice.countByCustomer", Long.class)
            .setParameter("customerId", customerId)
            .getSingleResult();
    var items =
        em.createNamedQuery("CustomerInvoice.byCustomer", CustomerInvoice.class)
            .setParameter("customerId", customerId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(CustomerInvoice::view)
            .toList();
    return new InvoicePage(customerId, page, size, total, items);
  }
}
