package com.acme.billing.status;

import com.acme.billing.api.MirrorCorrection;
import com.acme.billing.api.SubscriptionRecord;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.Subscriptions;
import com.acme.billing.entitlement.CustomerStates;
import com.acme.billing.rollout.BillingRollout;
import com.acme.billing.subscription.Access;
import com.acme.billing.subscription.MirrorState;
import com.acme.billing.subscription.SubscriptionService;
import com.acme.billing.usage.UsageLines;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A customer's subscription status as the API shows it: what the deciding subscription grants now,
 * the billing path, and every resource's usage line. Sits above the mirror, the entitlement checks
 * and the usage meter, which know nothing of it.
 */
@Stateless
public class SubscriptionStatusService implements Subscriptions {

  @Inject CustomerStates states;
  @Inject UsageLines usage;
  @EJB SubscriptionService mirror;
  @Inject BillingRollout rollout;
  @Inject Clock clock;

  @Override
  public SubscriptionStatus status(String customerId) {
    Instant now = clock.instant();
    MirrorState state = states.state(customerId);
    Access access = states.rule().evaluate(state, now);
    return new SubscriptionStatus(
        customerId,
        access.tierId(),
        state.status(),
        state.billingPeriod(),
        state.currentPeriodEnd(),
        state.cancelAtPeriodEnd(),
        access.graceUntil(),
        rollout.newBillingFor(customerId),
        usage.of(customerId, state, now));
  }

  @Override
  public List<SubscriptionRecord> subscriptions(String customerId) {
    return mirror.subscriptions(customerId);
  }

  /** The correction commits first, so that the status shows it (the cache drops after commit). */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SubscriptionStatus correct(String customerId, MirrorCorrection correction, String actor) {
    mirror.correct(customerId, correction, actor);
    return status(customerId);
  }
}
