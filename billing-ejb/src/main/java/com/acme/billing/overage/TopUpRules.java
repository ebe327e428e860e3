package com.acme.billing.overage;

import java.time.Instant;

/** The arithmetic of overage packs, kept apart so it is tested without a server. */
public final class TopUpRules {

  private TopUpRules() {}

  /**
   * How many packs of {@code packSize} make {@code wanted} (the resource's use after the change)
   * fit an effective limit; 0 when it fits already.
   */
  public static long packsNeeded(long wanted, long effectiveLimit, long packSize) {
    long over = wanted - effectiveLimit;
    if (over <= 0) {
      return 0;
    }
    return (over + packSize - 1) / packSize;
  }

  /** Whether {@code packs} more at {@code price} keep this month's spending within the cap. */
  public static boolean withinCap(long spent, long packs, long price, long cap) {
    return packs <= (cap - spent) / Math.max(1, price) && spent <= cap;
  }

  /**
   * The idempotency key of one pack's payment: the intent is the thing bought (DESIGN.md), so it
   * names the customer, the resource, the month and the pack's number, and a retried purchase of
   * the same pack can never charge twice.
   */
  public static String key(String customerId, String resource, Instant monthStart, int packNumber) {
    return "topup_"
        + customerId
        + "_"
        + resource
        + "_"
        + monthStart.getEpochSecond()
        + "_"
        + packNumber;
  }
}
