package com.acme.billing.entitlement;

import com.acme.billing.subscription.AccessRule;
import com.acme.billing.subscription.DecidingSubscription;
import com.acme.billing.subscription.MirrorState;
import com.acme.billing.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The state of each customer's subscription that decides access now, for the module's own services
 * (entitlements, usage, checkout, status): from memory, or read once from the mirror.
 */
@ApplicationScoped
public class CustomerStates {

  @Inject EntitlementCache cache;
  @Inject SubscriptionRepository subscriptions;
  @Inject DecidingSubscription deciding;
  @Inject Clock clock;

  /** The deciding state (see {@link DecidingSubscription}) of the customer's subscriptions. */
  public MirrorState state(String customerId) {
    return deciding.of(cache.get(customerId, subscriptions::states), clock.instant());
  }

  public AccessRule rule() {
    return deciding.rule();
  }
}
