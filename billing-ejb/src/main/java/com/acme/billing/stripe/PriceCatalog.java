package com.acme.billing.stripe;

import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import com.stripe.model.Price;
import com.stripe.model.Product;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Stripe prices per paid tier and billing period.
 *
 * <p>Configuration: {@code stripe.<tier>.<period>.price-id} (e.g. {@code
 * STRIPE_PRO_MONTHLY_PRICE_ID}) is the price checkout and plan change sell; {@code
 * stripe.<tier>.<period>.price-ids} (e.g. {@code STRIPE_PRO_MONTHLY_PRICE_IDS}, comma-separated)
 * lists further prices, such as ones replaced in a rotation, that still map to that tier and
 * period.
 *
 * <p>A Stripe price is resolved ({@link #resolve(Price)}) from the configured ids first, then from
 * its {@code lookup_key} in the form {@code <tier>_<period>} (case-insensitive, e.g. {@code
 * pro_monthly}, {@code SCALE_yearly}), then from its product's metadata {@code tier} (e.g. {@code
 * PRO}; the product must be expanded) with the period from the price's recurring interval ({@code
 * month}/{@code year}, every one interval). Tiers are checked against the plan catalogue; FREE is
 * never resolved from a price.
 */
@ApplicationScoped
public class PriceCatalog {

  public static final String MONTHLY = "monthly";
  public static final String YEARLY = "yearly";

  /** The product metadata key naming a tier. */
  public static final String TIER_METADATA = "tier";

  private static final String[] PERIODS = {MONTHLY, YEARLY};

  /** A paid tier and billing period. */
  public record TierPeriod(String tierId, String billingPeriod) {}

  @EJB Plans plans;
  @Inject Config config;

  /**
   * @throws InvalidUsageException unless the period is monthly or yearly
   */
  public static void requirePeriod(String billingPeriod) {
    if (!MONTHLY.equals(billingPeriod) && !YEARLY.equals(billingPeriod)) {
      throw new InvalidUsageException("billingPeriod", "billingPeriod must be monthly or yearly");
    }
  }

  /** The price sold for this tier and period ({@code stripe.<tier>.<period>.price-id}). */
  public Optional<String> priceId(String tierId, String billingPeriod) {
    return config.getOptionalValue(key(tierId, billingPeriod, "price-id"), String.class);
  }

  /**
   * Every price id that maps to this tier and period: the selling one first, then those of {@code
   * stripe.<tier>.<period>.price-ids}.
   */
  public List<String> mappedPriceIds(String tierId, String billingPeriod) {
    List<String> ids = new ArrayList<>();
    priceId(tierId, billingPeriod).map(String::trim).filter(s -> !s.isEmpty()).ifPresent(ids::add);
    config
        .getOptionalValue(key(tierId, billingPeriod, "price-ids"), String.class)
        .ifPresent(
            list -> {
              for (String id : list.split(",")) {
                String trimmed = id.trim();
                if (!trimmed.isEmpty() && !ids.contains(trimmed)) {
                  ids.add(trimmed);
                }
              }
            });
    return ids;
  }

  /** The tier and period a configured Stripe price id stands for, if it is one of ours. */
  public Optional<TierPeriod> byPriceId(String priceId) {
    if (priceId == null) {
      return Optional.empty();
    }
    for (String tierId : plans.tierIds()) {
      Tier tier = plans.tier(tierId);
      if (tier.isFree()) {
        continue;
      }
      for (String period : PERIODS) {
        if (mappedPriceIds(tierId, period).contains(priceId)) {
          return Optional.of(new TierPeriod(tierId, period));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The paid tier and period a Stripe price stands for: by configured id, else by {@code
   * lookup_key}, else by the expanded product's metadata {@code tier}. Empty for a price none of
   * these name, or that names a tier the plan catalogue does not know or FREE; never throws for an
   * unknown price.
   */
  public Optional<TierPeriod> resolve(Price price) {
    if (price == null) {
      return Optional.empty();
    }
    return byPriceId(price.getId())
        .or(() -> byLookupKey(price.getLookupKey()))
        .or(() -> byProductMetadata(price));
  }

  /**
   * The billing period of a price's recurring interval: {@code month} is monthly, {@code year}
   * yearly, each with an interval count of one; empty otherwise (one-off prices included).
   */
  public static Optional<String> billingPeriodOf(Price price) {
    if (price == null || price.getRecurring() == null) {
      return Optional.empty();
    }
    Price.Recurring recurring = price.getRecurring();
    if (recurring.getIntervalCount() != null && recurring.getIntervalCount() != 1L) {
      return Optional.empty();
    }
    String interval = recurring.getInterval();
    if ("month".equals(interval)) {
      return Optional.of(MONTHLY);
    }
    if ("year".equals(interval)) {
      return Optional.of(YEARLY);
    }
    return Optional.empty();
  }

  private Optional<TierPeriod> byLookupKey(String lookupKey) {
    if (lookupKey == null) {
      return Optional.empty();
    }
    int separator = lookupKey.lastIndexOf('_');
    if (separator <= 0) {
      return Optional.empty();
    }
    String period = lookupKey.substring(separator + 1).toLowerCase(Locale.ROOT);
    if (!MONTHLY.equals(period) && !YEARLY.equals(period)) {
      return Optional.empty();
    }
    return paidTier(lookupKey.substring(0, separator)).map(t -> new TierPeriod(t, period));
  }

  private Optional<TierPeriod> byProductMetadata(Price price) {
    Product product = price.getProductObject();
    if (product == null || product.getMetadata() == null) {
      return Optional.empty();
    }
    String tier = product.getMetadata().get(TIER_METADATA);
    if (tier == null) {
      return Optional.empty();
    }
    Optional<String> period = billingPeriodOf(price);
    if (period.isEmpty()) {
      return Optional.empty();
    }
    return paidTier(tier).map(t -> new TierPeriod(t, period.get()));
  }

  /** The catalogue's id of a paid tier named case-insensitively; empty for FREE or unknown. */
  private Optional<String> paidTier(String name) {
    String wanted = name.trim();
    for (String tierId : plans.tierIds()) {
      if (tierId.equalsIgnoreCase(wanted)) {
        return plans.find(tierId).filter(t -> !t.isFree()).map(Tier::id);
      }
    }
    return Optional.empty();
  }

  private static String key(String tierId, String billingPeriod, String suffix) {
    return "stripe." + tierId.toLowerCase(Locale.ROOT) + "." + billingPeriod + "." + suffix;
  }
}
