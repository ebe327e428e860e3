package com.acme.billing.usage;

import com.acme.billing.api.TopUpBought;
import com.acme.billing.plan.Resource;
import com.acme.billing.plan.Tier;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What usage metering needs of overage protection (implemented by the overage package, which
 * depends on usage, not the other way round): the headroom bought for a month, and buying a pack
 * when usage would pass the limit.
 */
public interface TopUpBuyer {

  /** What one purchase attempt did. */
  enum Outcome {
    /** The plan sells no pack of this resource, or the customer has no Stripe customer. */
    NOT_OFFERED,
    /** The customer has not turned top-ups on for this resource. */
    DISABLED,
    /** Another request bought a pack meanwhile: try the usage again. */
    ROOM_MADE,
    BOUGHT,
    /** The packs the usage needs would pass the customer's monthly cap: none was bought. */
    CAP_REACHED,
    /** The usage needs more than {@link #MAX_PACKS_PER_REQUEST} packs: none was bought. */
    TOO_MANY,
    /** The card was declined: the pack was not bought (and its invoice voided). */
    DECLINED
  }

  /** More packs than this for one request are refused (a client bug, not usage). */
  int MAX_PACKS_PER_REQUEST = 20;

  record Attempt(Outcome outcome, TopUpBought bought) {}

  /** The quantity the month's packs add to each resource's limit (failed payments excluded). */
  Map<Resource, Long> headroom(String customerId, Instant monthStart);

  /**
   * Buys one pack if {@code wanted} (the resource's use after the change, read under the purchase's
   * lock) does not fit the effective limit and the customer's setting allows every pack it needs
   * (the caller asks again for the next one).
   */
  Attempt buyOne(
      String customerId,
      Resource resource,
      Tier tier,
      Instant monthStart,
      LongSupplier wanted,
      String actor);
}
