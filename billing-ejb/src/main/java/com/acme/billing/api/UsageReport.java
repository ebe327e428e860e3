package com.acme.billing.api;

import java.util.List;
import java.util.Map;

/**
 * Every resource's usage, and whether an extra amount the caller asked about still fits: {@code
 * topUps} the packs bought to make it fit, {@code reason} why not ({@code limit_reached}, or {@code
 * overage_cap_reached} when top-ups are on but the monthly cap allows no more, {@code
 * top_up_declined} when the card was declined for the pack; null when allowed).
 */
public record UsageReport(
    String customerId,
    String tierId,
    boolean allowed,
    List<String> blockedBy,
    Map<String, UsageLine> resources,
    List<TopUpBought> topUps,
    String reason) {

  public static final String LIMIT_REACHED = "limit_reached";
  public static final String OVERAGE_CAP_REACHED = "overage_cap_reached";
  public static final String TOP_UP_DECLINED = "top_up_declined";
}
