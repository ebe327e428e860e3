package com.acme.billing.api;

import java.time.Instant;

/**
 * A customer's subscription as the local mirror has it. {@code tierId} is the tier whose
 * entitlements apply now; {@code status} is Stripe's, or {@code none} for a customer who never
 * paid; {@code graceUntil} is set while a past-due subscription still grants its tier.
 */
public record SubscriptionStatus(
    String customerId,
    String tierId,
    String status,
    String billingPeriod,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd,
    Instant graceUntil) {}
