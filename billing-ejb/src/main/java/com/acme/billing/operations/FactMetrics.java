package com.acme.billing.operations;

import com.acme.billing.operations.BillingFact.CheckoutCompleted;
import com.acme.billing.operations.BillingFact.DuplicateSubscriptionFound;
import com.acme.billing.operations.BillingFact.PaymentRecorded;
import com.acme.billing.operations.BillingFact.TopUpPurchased;
import com.acme.billing.operations.BillingFact.UsageLevelCrossed;
import com.acme.billing.operations.BillingFact.WebhookEventFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The billing module's facts as counters on {@code /metrics} (application scope; Prometheus adds
 * {@code _total}). Labels are bounded: kinds, outcomes, resource ids and event types, never a
 * customer or an object id. The README's "Operating" section lists them with their meaning.
 */
@ApplicationScoped
public class FactMetrics {

  @Inject MetricRegistry registry;

  void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) BillingFact fact) {
    if (fact instanceof PaymentRecorded p) {
      count(
          "billing_payments",
          "Payments by kind (subscription, top_up) and outcome (succeeded, failed)",
          new Tag("kind", p.kind()),
          new Tag("outcome", p.succeeded() ? "succeeded" : "failed"));
    } else if (fact instanceof CheckoutCompleted) {
      count("billing_checkout_sessions_completed", "Checkout sessions Stripe reported completed");
    } else if (fact instanceof UsageLevelCrossed u) {
      count(
          "billing_usage_level_crossings",
          "Customers' usage reaching 80 or 95 percent of a limit, once per period",
          new Tag("resource", u.resource()),
          new Tag("percent", String.valueOf(u.percent())));
    } else if (fact instanceof TopUpPurchased t) {
      count(
          "billing_top_ups_bought",
          "Overage packs bought and charged, by resource",
          new Tag("resource", t.resource()));
    } else if (fact instanceof DuplicateSubscriptionFound) {
      count("billing_duplicate_subscriptions", "Second live subscriptions found (to refund)");
    } else if (fact instanceof WebhookEventFailed f) {
      count(
          "billing_webhook_event_failures",
          "Stored Stripe events that failed to apply, by event type",
          new Tag("type", f.type()));
    }
  }

  private void count(String name, String description, Tag... tags) {
    registry
        .counter(Metadata.builder().withName(name).withDescription(description).build(), tags)
        .inc();
  }
}
