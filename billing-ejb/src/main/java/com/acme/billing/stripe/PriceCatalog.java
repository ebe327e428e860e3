package com.acme.billing.stripe;

import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.plan.PlanCatalogBean;
import com.acme.billing.plan.Tier;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Stripe price ids per paid tier and billing period, from configuration ({@code
 * stripe.<tier>.<period>.price-id}, e.g. {@code STRIPE_PRO_MONTHLY_PRICE_ID}).
 */
@ApplicationScoped
public class PriceCatalog {

  public static final String MONTHLY = "monthly";
  public static final String YEARLY = "yearly";

  /** A paid tier and billing period. */
  public record TierPeriod(String tierId, String billingPeriod) {}

  @EJB PlanCatalogBean plans;
  @Inject Config config;

  /**
   * @throws InvalidUsageException unless the period is monthly or yearly
   */
  public static void requirePeriod(String billingPeriod) {
    if (!MONTHLY.equals(billingPeriod) && !YEARLY.equals(billingPeriod)) {
      throw new InvalidUsageException("billingPeriod", "billingPeriod must be monthly or yearly");
    }
  }

  public Optional<String> priceId(String tierId, String billingPeriod) {
    return config.getOptionalValue(
        "stripe." + tierId.toLowerCase(Locale.ROOT) + "." + billingPeriod + ".price-id",
        String.class);
  }

  /** The tier and period a Stripe price id stands for, if it is one of ours. */
  public Optional<TierPeriod> byPriceId(String priceId) {
    for (String tierId : plans.tierIds()) {
      Tier tier = plans.tier(tierId);
      if (tier.isFree()) {
        continue;
      }
      for (String period : new String[] {MONTHLY, YEARLY}) {
        if (priceId(tierId, period).filter(priceId::equals).isPresent()) {
          return Optional.of(new TierPeriod(tierId, period));
        }
      }
    }
    return Optional.empty();
  }
}
