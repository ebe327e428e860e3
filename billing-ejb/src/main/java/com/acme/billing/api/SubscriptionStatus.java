package com.acme.billing.api;

import java.time.Instant;
import java.util.Map;

/**
 * A customer's subscription as the local mirror has it. {@code tierId} is the tier whose
 * entitlements apply now; {@code status} is Stripe's, or {@code none} for a customer who never
 * paid; {@code graceUntil} is set while a past-due subscription still grants its tier; {@code
 * billingV2} says whether the customer is on the new billing path (else legacy: no self-service
 * checkout, portal or plan change); {@code usage} has every resource's usage line.
 */
public record SubscriptionStatus(
    String customerId,
    String tierId,
    String status,
    String billingPeriod,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd,
    Instant graceUntil,
    boolean billingV2,
    Map<String, UsageLine> usage) {}
