package com.acme.billing.operations;

import com.acme.billing.operations.BillingFact.DuplicateSubscriptionFound;
import com.acme.billing.operations.BillingFact.PaymentRecorded;
import com.acme.billing.operations.BillingFact.UsageLevelCrossed;
import com.acme.billing.operations.BillingFact.WebhookEventFailed;
import com.acme.billing.operations.BillingFact.WebhookSignatureRefused;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns the facts that need a person into alerts: a failed payment, a flood of webhook signature
 * failures (at {@code billing.alert.signature-failures-per-minute} in one minute, once a minute), a
 * stored event failing its {@code billing.alert.webhook-event-failures}th delivery, a duplicate
 * subscription, and usage crossing 80 % and 95 % (once per crossing and period: {@link
 * com.acme.billing.usage.UsageService} fires the crossing only once).
 */
@ApplicationScoped
public class FactAlerts {

  @Inject AlertChannel channel;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.alert.signature-failures-per-minute", defaultValue = "10")
  int signatureFailuresPerMinute;

  @Inject
  @ConfigProperty(name = "billing.alert.webhook-event-failures", defaultValue = "3")
  int webhookEventFailures;

  private PerMinuteThreshold signatureFailures;

  @PostConstruct
  void init() {
    signatureFailures = new PerMinuteThreshold(signatureFailuresPerMinute);
  }

  void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) BillingFact fact) {
    if (fact instanceof PaymentRecorded p && !p.succeeded()) {
      channel.raise(
          new Alert(
              Alert.PAYMENT_FAILED,
              p.customerId(),
              Map.of("kind", p.kind(), "invoice", p.invoiceId() == null ? "-" : p.invoiceId()),
              PaymentRecorded.TOP_UP.equals(p.kind())
                  ? "a top-up's payment failed; its headroom is not granted"
                  : "a subscription payment failed; Stripe retries it and the customer is"
                      + " past due"));
    } else if (fact instanceof WebhookSignatureRefused) {
      int count = signatureFailures.record(clock.millis());
      if (count > 0) {
        channel.raise(
            new Alert(
                Alert.WEBHOOK_SIGNATURE_FAILURES,
                null,
                Map.of("count", String.valueOf(count)),
                count
                    + " webhook deliveries with a signature that does not verify within a minute:"
                    + " a rolled secret not configured here, or someone probing the endpoint"));
      }
    } else if (fact instanceof WebhookEventFailed f && f.failures() == webhookEventFailures) {
      channel.raise(
          new Alert(
              Alert.WEBHOOK_EVENT_FAILING,
              null,
              Map.of("event", f.eventId(), "type", f.type(), "failures", "" + f.failures()),
              "a Stripe event keeps failing to apply; the server log has the cause under its id"
                  + " and an admin can replay it once fixed"));
    } else if (fact instanceof DuplicateSubscriptionFound d) {
      channel.raise(
          new Alert(
              Alert.DUPLICATE_SUBSCRIPTION,
              d.customerId(),
              Map.of("subscription", d.subscriptionId()),
              "a second live subscription: refund and cancel one"
                  + " (GET /billing/admin/customers/{id}/subscriptions)"));
    } else if (fact instanceof UsageLevelCrossed u) {
      channel.raise(
          new Alert(
              Alert.USAGE_LEVEL,
              u.customerId(),
              Map.of(
                  "resource",
                  u.resource(),
                  "percent",
                  "" + u.percent(),
                  "used",
                  "" + u.used(),
                  "limit",
                  "" + u.limit()),
              "usage reached " + u.percent() + " % of the limit this period"));
    }
  }
}
