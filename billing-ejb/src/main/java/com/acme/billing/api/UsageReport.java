package com.acme.billing.api;

import java.util.List;
import java.util.Map;

/** Every resource's usage, and whether an extra amount the caller asked about still fits. */
public record UsageReport(
    String customerId,
    String tierId,
    boolean allowed,
    List<String> blockedBy,
    Map<String, UsageLine> resources) {}
