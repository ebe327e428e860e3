package com.acme.billing.stripe;

import com.acme.billing.plan.Tier;
import com.acme.billing.stripe.PriceCatalog.TierPeriod;
import com.acme.billing.subscription.StripeSubscriptionState;
import com.acme.billing.subscription.SubscriptionRepository;
import com.stripe.model.Price;
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
        customers.rememberOnce(fromMetadata, sub.getCustomer());
      }
      return Optional.of(fromMetadata);
    }
    return customers
        .customerFor(sub.getCustomer())
        .or(() -> mirror.find(sub.getId()).map(s -> s.getCustomerId()));
  }

  /**
   * The subscription as the mirror keeps it. The period sits on the item (API 2026-07-29.dahlia). A
   * price that resolves to no tier ({@link PriceCatalog#resolve}) gives FREE, the period of the
   * price's recurring interval (or null), and the price's id in {@code unknownPriceId}.
   */
  public StripeSubscriptionState state(Subscription sub, boolean deleted) {
    SubscriptionItem item = sub.getItems().getData().get(0);
    Price price = item.getPrice();
    Optional<TierPeriod> resolved = prices.resolve(price);
    String unknownPriceId = null;
    if (resolved.isEmpty()) {
      unknownPriceId = price == null || price.getId() == null ? "" : price.getId();
    }
    TierPeriod tier =
        resolved.orElseGet(
            () -> new TierPeriod(Tier.FREE, PriceCatalog.billingPeriodOf(price).orElse(null)));
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
        deleted,
        unknownPriceId);
  }

  private static Instant instant(Long epochSeconds) {
    return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
  }
}
