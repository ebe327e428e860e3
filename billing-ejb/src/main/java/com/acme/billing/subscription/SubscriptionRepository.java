package com.acme.billing.subscription;

import com.acme.billing.persistence.LockTimeout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The subscription mirror in the {@code billing} schema. */
@ApplicationScoped
public class SubscriptionRepository {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject LockTimeout lockTimeout;

  @Inject EntitlementNotices notices;

  public Optional<CustomerSubscription> find(String subscriptionId) {
    return Optional.ofNullable(em.find(CustomerSubscription.class, subscriptionId));
  }

  /** Every subscription of the customer, the most recently changed first. */
  public List<CustomerSubscription> ofCustomer(String customerId) {
    return em.createNamedQuery("CustomerSubscription.findByCustomer", CustomerSubscription.class)
        .setParameter("customerId", customerId)
        .getResultList();
  }

  /** What the mirror says of each of the customer's subscriptions, for the entitlement cache. */
  public List<MirrorState> states(String customerId) {
    return ofCustomer(customerId).stream().map(SubscriptionRepository::toState).toList();
  }

  public void add(CustomerSubscription subscription) {
    em.persist(subscription);
  }

  /** Creates the customer's account row unless it exists (fails on a concurrent insert). */
  public boolean insertAccountIfMissing(String customerId, Instant now) {
    if (accountExists(customerId)) {
      return false;
    }
    em.persist(new CustomerAccount(customerId, now));
    em.flush(); // now, as before: a concurrent first contact meets the primary key here
    return true;
  }

  public boolean accountExists(String customerId) {
    return em.find(CustomerAccount.class, customerId) != null;
  }

  /**
   * Locks the customer's account row until the transaction ends: every change to the customer's
   * subscriptions takes this lock first, so they are decided one at a time.
   *
   * @return false if the customer has no account row yet
   */
  public boolean lockAccount(String customerId) {
    lockTimeout.applyTo(em); // a stuck lock fails (503, Retry-After) instead of waiting forever
    return em.find(
            CustomerAccount.class, customerId, LockModeType.PESSIMISTIC_WRITE, lockTimeout.hints())
        != null;
  }

  /** Tells every instance (this one included) that the customer's entitlements changed. */
  public void recordEntitlementChange(String customerId) {
    // Native: stamped by the database's clock, which the poller compares on; identity key on H2.
    em.createNativeQuery(
            "insert into billing.entitlement_change (customer_id, changed_at)"
                + " values (?1, current_timestamp)")
        .setParameter(1, customerId)
        .executeUpdate();
    notices.announce(em, customerId);
  }

  static MirrorState toState(CustomerSubscription s) {
    return new MirrorState(
        s.getTierId(),
        s.getStatus(),
        s.getBillingPeriod(),
        s.getPastDueSince(),
        s.getCycleAnchor() != null ? s.getCycleAnchor() : s.getCurrentPeriodStart(),
        s.getCurrentPeriodEnd(),
        s.isCancelAtPeriodEnd(),
        s.getSubscriptionId(),
        s.isDeleted(),
        s.isDuplicate(),
        s.getUpdatedAt());
  }
}
