package com.acme.billing.subscription;

import java.time.Instant;

/**
 * What the subscription mirror says about one subscription of a customer, as the entitlement cache
 * keeps it. A customer who never paid has {@link #NONE}.
 */
public record MirrorState(
    String tierId,
    String status,
    String billingPeriod,
    Instant pastDueSince,
    Instant cycleAnchor,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd,
    String subscriptionId,
    boolean deleted,
    boolean duplicate,
    Instant updatedAt) {

  public static final String STATUS_NONE = "none";
  public static final MirrorState NONE =
      new MirrorState("FREE", STATUS_NONE, null, null, null, null, false, null, false, false, null);

  /** The state of a subscription that is not (or no longer) attached to Stripe. */
  public MirrorState(
      String tierId,
      String status,
      String billingPeriod,
      Instant pastDueSince,
      Instant cycleAnchor,
      Instant currentPeriodEnd,
      boolean cancelAtPeriodEnd) {
    this(
        tierId,
        status,
        billingPeriod,
        pastDueSince,
        cycleAnchor,
        currentPeriodEnd,
        cancelAtPeriodEnd,
        null,
        false,
        false,
        null);
  }

  public boolean neverPaid() {
    return STATUS_NONE.equals(status);
  }
}
