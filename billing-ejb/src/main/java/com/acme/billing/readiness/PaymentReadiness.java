package com.acme.billing.readiness;

import com.acme.billing.api.BillingModuleStatus.PaymentConfiguration;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import com.acme.billing.sandbox.PaymentGatewayProducer;
import com.acme.billing.stripe.PriceCatalog;
import com.acme.billing.webhook.WebhookSecrets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the payment side is configured completely enough to take money, for readiness: the
 * sandbox (development only) is; real Stripe needs the API key, a webhook secret and the price of
 * every paid tier and period. Names settings, never values.
 */
@ApplicationScoped
public class PaymentReadiness {

  /** Which adapter serves is the producer's rule; this only asks it. */
  @Inject PaymentGatewayProducer gateways;

  @Inject WebhookSecrets webhookSecrets;
  @Inject PriceCatalog prices;
  @EJB Plans plans;

  public PaymentConfiguration check() {
    List<String> missingPrices = new ArrayList<>();
    for (String tier : plans.tierIds()) {
      if (Tier.FREE.equals(tier)) {
        continue;
      }
      for (String period : List.of(PriceCatalog.MONTHLY, PriceCatalog.YEARLY)) {
        if (prices.priceId(tier, period).filter(id -> !id.isBlank()).isEmpty()) {
          missingPrices.add(
              "STRIPE_"
                  + tier.toUpperCase(Locale.ROOT)
                  + "_"
                  + period.toUpperCase(Locale.ROOT)
                  + "_PRICE_ID");
        }
      }
    }
    return assess(
        gateways.sandboxActive(),
        gateways.apiKeySet(),
        !webhookSecrets.secrets().isEmpty(),
        missingPrices);
  }

  /** The rule, apart from where its inputs come from. */
  static PaymentConfiguration assess(
      boolean sandboxServes, boolean apiKey, boolean webhookSecret, List<String> missingPrices) {
    if (sandboxServes) {
      return new PaymentConfiguration("sandbox", List.of());
    }
    List<String> problems = new ArrayList<>();
    if (!apiKey) {
      problems.add("STRIPE_API_KEY is not set (and the sandbox is off)");
    }
    if (!webhookSecret) {
      problems.add("neither STRIPE_WEBHOOK_SECRET nor STRIPE_WEBHOOK_SECRETS is set");
    }
    missingPrices.forEach(setting -> problems.add(setting + " is not set"));
    return new PaymentConfiguration("stripe", List.copyOf(problems));
  }
}
