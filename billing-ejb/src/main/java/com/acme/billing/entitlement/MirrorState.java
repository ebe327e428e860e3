package com.acme.billing.entitlement;

import java.time.Instant;

/**
 * What the subscription mirror says about one customer, as the entitlement cache keeps it. A
 * customer who never paid has {@link #NONE}.
 */
public record MirrorState(
    String tierId,
    String status,
    String billingPeriod,
    Instant pastDueSince,
    Instant cycleAnchor,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd) {

  public static final String STATUS_NONE = "none";
  public static final MirrorState NONE =
      new MirrorState("FREE", STATUS_NONE, null, null, null, null, false);

  public boolean neverPaid() {
    return STATUS_NONE.equals(status);
  }
}
