package com.acme.billing.stripe;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Which Stripe customer is which of our customers. */
@ApplicationScoped
public class StripeCustomers {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @EJB StripeCustomerMappings mappings;

  public Optional<String> customerFor(String stripeCustomerId) {
    return em.createNamedQuery("StripeCustomer.byStripeCustomer", String.class)
        .setParameter("stripeCustomerId", stripeCustomerId)
        .getResultStream()
        .findFirst();
  }

  public Optional<String> stripeCustomerOf(String customerId) {
    return Optional.ofNullable(em.find(StripeCustomer.class, customerId))
        .map(StripeCustomer::getStripeCustomerId);
  }

  /**
   * Remembers the pair unless one of the two is already known, race-free: in a transaction of its
   * own, so that a concurrent first contact of the same customer (the success page and a webhook,
   * two webhooks) that inserts it first only makes this one find the pair known.
   */
  public void rememberOnce(String customerId, String stripeCustomerId) {
    if (stripeCustomerOf(customerId).isPresent() || customerFor(stripeCustomerId).isPresent()) {
      return;
    }
    try {
      mappings.remember(customerId, stripeCustomerId);
    } catch (EJBException concurrentlyRemembered) {
      // The other first contact inserted it (unique violation in the inner transaction).
    }
  }

  /** Remembers the pair unless one of the two is already known (caller's transaction). */
  void remember(String customerId, String stripeCustomerId) {
    // Native: an insert-if-missing (either key) in one statement; JPA has no conditional insert.
    // Two NOT EXISTS, not one with OR: each is answered by its own index (H2 scanned the whole
    // table for the OR, and ingest slowed down as customers accumulated).
    em.createNativeQuery(
            "insert into billing.stripe_customer (customer_id, stripe_customer_id)"
                + " select ?1, ?2 where not exists (select 1 from billing.stripe_customer"
                + " where customer_id = ?1) and not exists (select 1 from"
                + " billing.stripe_customer where stripe_customer_id = ?2)")
        .setParameter(1, customerId)
        .setParameter(2, stripeCustomerId)
        .executeUpdate();
  }
}
