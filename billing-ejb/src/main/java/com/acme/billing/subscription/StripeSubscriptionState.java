package com.acme.billing.subscription;

import java.time.Instant;

/**
 * What a Stripe subscription object says, in the mirror's terms. {@code unknownPriceId} is set when
 * its price maps to no tier (the state then grants FREE).
 */
public record StripeSubscriptionState(
    String subscriptionId,
    String stripeCustomerId,
    String status,
    String tierId,
    String billingPeriod,
    Instant currentPeriodStart,
    Instant currentPeriodEnd,
    Instant cycleAnchor,
    boolean cancelAtPeriodEnd,
    boolean deleted,
    String unknownPriceId) {}
