package com.acme.billing.subscription;

import java.time.Instant;

/**
 * What a Stripe subscription object says, in the mirror's terms. {@code unknownPriceId} is the
 * subscription's price id when no tier could be resolved from the price (the tier is then FREE;
 * empty when the item carries no price id); null when the price is known.
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
