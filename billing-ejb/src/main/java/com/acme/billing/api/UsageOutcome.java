package com.acme.billing.api;

/** What a usage record did: the resource's line afterwards, and whether it was a replay. */
public record UsageOutcome(
    String customerId,
    String resource,
    String idempotencyKey,
    UsageLine usage,
    boolean duplicate) {}
