package com.acme.billing.plan;

import com.acme.billing.api.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plan of {@code pricing.json}. {@code features} holds the tier's own features and every lower
 * tier's; {@code rank} orders tiers from FREE upwards; {@code topUps} the overage packs a customer
 * of the tier can buy (none for FREE, never for projects).
 */
public record Tier(
    String id,
    String name,
    int rank,
    Money monthly,
    Money yearly,
    Map<Resource, Long> limits,
    List<String> features,
    Map<Resource, TopUpPack> topUps) {

  public static final String FREE = "FREE";

  public boolean includes(String feature) {
    return features.contains(feature);
  }

  public long limit(Resource resource) {
    return limits.get(resource);
  }

  public Optional<TopUpPack> topUp(Resource resource) {
    return Optional.ofNullable(topUps.get(resource));
  }

  public boolean isFree() {
    return monthly.amount() == 0 && yearly.amount() == 0;
  }

  /** The saving of paying yearly over twelve monthly payments, in whole percent. */
  public int yearlySavingPercent() {
    long twelveMonths = monthly.amount() * 12;
    if (twelveMonths == 0) {
      return 0;
    }
    return (int) Math.round(100.0 * (twelveMonths - yearly.amount()) / twelveMonths);
  }

  public Money price(String billingPeriod) {
    return "yearly".equals(billingPeriod) ? yearly : monthly;
  }
}
