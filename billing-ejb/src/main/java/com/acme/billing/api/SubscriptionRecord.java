package com.acme.billing.api;

import java.time.Instant;

/**
 * One subscription of a customer as the mirror keeps it, for support: {@code duplicate} marks a
 * second live subscription (to refund), {@code unknownPriceId} a price no tier maps to.
 */
public record SubscriptionRecord(
    String subscriptionId,
    String tierId,
    String status,
    String billingPeriod,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd,
    boolean deleted,
    boolean duplicate,
    String unknownPriceId,
    Instant updatedAt) {}
