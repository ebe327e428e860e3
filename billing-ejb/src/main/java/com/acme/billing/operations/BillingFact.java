package com.acme.billing.operations;

/**
 * Something the billing module did that the platform team watches: counted on {@code /metrics}
 * ({@link FactMetrics}) and, where it needs a person, raised as an alert ({@link FactAlerts}).
 * Fired as a CDI event; the observers see it only once the transaction that made it committed, so a
 * rolled-back change is neither counted nor alerted.
 */
public sealed interface BillingFact {

  /** A payment's outcome: a subscription invoice's, as Stripe reported it, or a top-up's. */
  record PaymentRecorded(String customerId, String invoiceId, boolean succeeded, String kind)
      implements BillingFact {
    public static final String SUBSCRIPTION = "subscription";
    public static final String TOP_UP = "top_up";
  }

  /** Stripe reported a checkout session completed ({@code checkout.session.completed}). */
  record CheckoutCompleted(String customerId, String sessionId) implements BillingFact {}

  /** A customer's use of a resource reached a warning threshold for the first time this period. */
  record UsageLevelCrossed(String customerId, String resource, int percent, long used, long limit)
      implements BillingFact {}

  /** An overage pack was bought and charged. */
  record TopUpPurchased(String customerId, String resource, long quantity) implements BillingFact {}

  /** A second live subscription appeared for a customer (one to refund). */
  record DuplicateSubscriptionFound(String customerId, String subscriptionId)
      implements BillingFact {}

  /** A stored webhook event failed to apply again: {@code failures} deliveries so far. */
  record WebhookEventFailed(String eventId, String type, int failures) implements BillingFact {}

  /** A webhook delivery whose signature did not verify ({@code reason}: a stable code). */
  record WebhookSignatureRefused(String reason) implements BillingFact {}
}
