package com.acme.billing.api;

/**
 * What a usage record did: the resource's line afterwards, whether it was a replay, and the top-up
 * bought to make room for it (null when none was needed).
 */
public record UsageOutcome(
    String customerId,
    String resource,
    String idempotencyKey,
    UsageLine usage,
    boolean duplicate,
    TopUpBought topUp) {}
