package com.acme.billing.subscription;

import com.acme.billing.entitlement.MirrorState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The subscription mirror in the {@code billing} schema. */
@ApplicationScoped
public class SubscriptionRepository {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  public Optional<CustomerSubscription> find(String customerId) {
    return Optional.ofNullable(em.find(CustomerSubscription.class, customerId));
  }

  public MirrorState state(String customerId) {
    return find(customerId).map(SubscriptionRepository::toState).orElse(MirrorState.NONE);
  }

  /** The customer's mirror row, locked until the transaction ends (events apply one at a time). */
  public Optional<CustomerSubscription> findForUpdate(String customerId) {
    return Optional.ofNullable(
        em.find(CustomerSubscription.class, customerId, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<CustomerSubscription> findByStripeSubscription(String subscriptionId) {
    return em.createNamedQuery(
            "CustomerSubscription.findByStripeSubscriptionId", CustomerSubscription.class)
        .setParameter("stripeSubscriptionId", subscriptionId)
        .getResultStream()
        .findFirst();
  }

  public void add(CustomerSubscription subscription) {
    em.persist(subscription);
  }

  /** Tells every instance (this one included) that the customer's entitlements changed. */
  public void recordEntitlementChange(String customerId) {
    em.createNativeQuery(
            "insert into billing.entitlement_change (customer_id, changed_at)"
                + " values (?1, current_timestamp)")
        .setParameter(1, customerId)
        .executeUpdate();
  }

  static MirrorState toState(CustomerSubscription s) {
    return new MirrorState(
        s.getTierId(),
        s.getStatus(),
        s.getBillingPeriod(),
        s.getPastDueSince(),
        s.getCycleAnchor() != null ? s.getCycleAnchor() : s.getCurrentPeriodStart(),
        s.getCurrentPeriodEnd(),
        s.isCancelAtPeriodEnd());
  }
}
