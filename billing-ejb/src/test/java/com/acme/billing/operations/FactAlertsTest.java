package com.acme.billing.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.operations.BillingFact.CheckoutCompleted;
import com.acme.billing.operations.BillingFact.DuplicateSubscriptionFound;
import com.acme.billing.operations.BillingFact.PaymentRecorded;
import com.acme.billing.operations.BillingFact.UsageLevelCrossed;
import com.acme.billing.operations.BillingFact.WebhookEventFailed;
import com.acme.billing.operations.BillingFact.WebhookSignatureRefused;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which facts become alerts, and how often. */
class FactAlertsTest {

  private final List<Alert> raised = new ArrayList<>();
  private final FactAlerts alerts = new FactAlerts();

  FactAlertsTest() {
    alerts.channel =
        new AlertChannel() {
          @Override
          public void raise(Alert alert) {
            raised.add(alert);
          }
        };
    alerts.clock = Clock.fixed(Instant.parse("2026-12-03T10:00:30Z"), ZoneOffset.UTC);
    alerts.signatureFailuresPerMinute = 3;
    alerts.webhookEventFailures = 2;
    alerts.init();
  }

  @Test
  void aFailedPaymentIsAnAlertAndASucceededOneIsNot() {
    alerts.on(new PaymentRecorded("cust_1", "in_1", true, PaymentRecorded.SUBSCRIPTION));
    alerts.on(new PaymentRecorded("cust_1", "in_2", false, PaymentRecorded.SUBSCRIPTION));
    alerts.on(new PaymentRecorded("cust_2", null, false, PaymentRecorded.TOP_UP));

    assertThat(raised)
        .extracting(Alert::line)
        .containsExactly(
            "alert=payment_failed customer=cust_1 invoice=in_2 kind=subscription: a subscription"
                + " payment failed; Stripe retries it and the customer is past due",
            "alert=payment_failed customer=cust_2 invoice=- kind=top_up: a top-up's payment failed;"
                + " its headroom is not granted");
  }

  @Test
  void signatureFailuresAlertOnceWhenAMinuteReachesTheThreshold() {
    for (int i = 0; i < 5; i++) {
      alerts.on(new WebhookSignatureRefused("signature_mismatch"));
    }

    assertThat(raised)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Alert.WEBHOOK_SIGNATURE_FAILURES);
              assertThat(a.fields()).containsEntry("count", "3");
            });
  }

  @Test
  void aFailingEventAlertsAtTheConfiguredFailureOnly() {
    alerts.on(new WebhookEventFailed("evt_1", "invoice.paid", 1));
    alerts.on(new WebhookEventFailed("evt_1", "invoice.paid", 2));
    alerts.on(new WebhookEventFailed("evt_1", "invoice.paid", 3));

    assertThat(raised)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Alert.WEBHOOK_EVENT_FAILING);
              assertThat(a.fields()).containsEntry("event", "evt_1").containsEntry("failures", "2");
            });
  }

  @Test
  void aDuplicateSubscriptionAndAUsageCrossingAreAlertsAndACompletedCheckoutIsNot() {
    alerts.on(new DuplicateSubscriptionFound("cust_1", "sub_2"));
    alerts.on(new UsageLevelCrossed("cust_1", "build_hours", 95, 96, 100));
    alerts.on(new CheckoutCompleted("cust_1", "cs_1"));

    assertThat(raised)
        .extracting(Alert::kind)
        .containsExactly(Alert.DUPLICATE_SUBSCRIPTION, Alert.USAGE_LEVEL);
    assertThat(raised.get(1).line())
        .isEqualTo(
            "alert=usage_level customer=cust_1 limit=100 percent=95 resource=build_hours used=96:"
                + " usage reached 95 % of the limit this period");
  }
}
