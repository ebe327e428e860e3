package com.acme.billing.stripe;

import com.acme.billing.stripe.PriceCatalog.TierPeriod;
import com.acme.billing.subscription.StripeSubscriptionState;
import com.acme.billing.subscription.SubscriptionRepository;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Reads a stripe-java {@link Subscription} in the mirror's terms: whose it is, which tier. */
@ApplicationScoped
public class StripeSubscriptionReader {

  public static final String CUSTOMER_ID_METADATA = "customer_id";

  @Inject PriceCatalog prices;
  @Inject StripeCustomers customers;
  @Inject SubscriptionRepository mirror;

  /** Our customer: the subscription's metadata, else the known Stripe customer, else the mirror. */
  public Optional<String> customerOf(Subscription sub) {
    String fromMetadata =
        sub.getMetadata() == null ? null : sub.getMetadata().get(CUSTOMER_ID_METADATA);
    if (fromMetadata != null && !fromMetadata.isBlank()) {
      if (sub.getCustomer() != null) {
        customers.remember(fromMetadata, sub.getCustomer());
      }
      return Optional.of(fromMetadata);
    }
    return customers
        .customerFor(sub.getCustomer())
        .or(() -> mirror.findByStripeSubscription(sub.getId()).map(s -> s.getCustomerId()));
  }

  /**
   * The subscription as the mirror keeps it. The period sits on the item (API 2026-07-29.dahlia).
   *
   * @throws IllegalStateException for a price that is not configured for any tier
   */
  public StripeSubscriptionState state(Subscription sub, boolean deleted) {
    SubscriptionItem item = sub.getItems().getData().get(0);
    String priceId = item.getPrice().getId();
    TierPeriod tier =
        prices
            .byPriceId(priceId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "price "
                            + priceId
                            + " is not configured for any tier; set"
                            + " STRIPE_<TIER>_<PERIOD>_PRICE_ID"));
    return new StripeSubscriptionState(
        sub.getId(),
        sub.getCustomer(),
        deleted ? "canceled" : sub.getStatus(),
        tier.tierId(),
        tier.billingPeriod(),
        instant(item.getCurrentPeriodStart()),
        instant(item.getCurrentPeriodEnd()),
        instant(sub.getBillingCycleAnchor()),
        Boolean.TRUE.equals(sub.getCancelAtPeriodEnd()),
        deleted);
  }

  private static Instant instant(Long epochSeconds) {
    return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
  }
}
