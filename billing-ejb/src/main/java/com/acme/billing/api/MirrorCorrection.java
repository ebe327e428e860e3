package com.acme.billing.api;

import java.time.Instant;

/** An administrator's correction of one customer's subscription mirror. */
public record MirrorCorrection(
    String tierId,
    String status,
    String billingPeriod,
    Instant cycleAnchor,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd) {}
