package com.acme.billing.entitlement;

import com.acme.billing.api.Entitlements;
import com.acme.billing.api.FeatureAccess;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import com.acme.billing.subscription.Access;
import com.acme.billing.subscription.MirrorState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/** Entitlement checks, answered from the in-memory mirror state after a customer's first read. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EntitlementService implements Entitlements {

  @EJB Plans plans;
  @Inject CustomerStates states;
  @Inject Clock clock;

  @Override
  public FeatureAccess checkFeature(String customerId, String feature) {
    plans.requireKnownFeature(feature);
    MirrorState state = states.state(customerId);
    Access access = states.rule().evaluate(state, clock.instant());
    Tier granted = plans.tier(access.tierId());
    if (granted.includes(feature)) {
      String reason =
          access.basis() == Access.Basis.GRACE
              ? FeatureAccess.GRACE_PERIOD
              : FeatureAccess.INCLUDED_IN_PLAN;
      return new FeatureAccess(true, granted.id(), reason);
    }
    boolean paidTierWouldGrantIt =
        access.basis() == Access.Basis.INACTIVE
            && plans.find(state.tierId()).map(t -> t.includes(feature)).orElse(false);
    return new FeatureAccess(
        false,
        granted.id(),
        paidTierWouldGrantIt ? FeatureAccess.SUBSCRIPTION_INACTIVE : FeatureAccess.NOT_IN_PLAN);
  }
}
