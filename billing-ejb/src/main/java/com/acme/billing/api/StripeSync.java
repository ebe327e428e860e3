package com.acme.billing.api;

import jakarta.ejb.Local;

/** Reads Stripe through the payment port and repairs the mirror from what it says. */
@Local
public interface StripeSync {

  /** A checkout session as Stripe has it; {@code customerId} is ours (client_reference_id). */
  record CheckoutSessionView(String sessionId, String status, String customerId) {}

  CheckoutSessionView checkoutSession(String sessionId);

  /**
   * Applies a completed checkout session's subscription to the mirror, as its webhook would, so
   * that the success page shows access even when the browser returns before the webhook.
   */
  SubscriptionStatus applyCheckoutSession(String sessionId, String actor);

  /** Re-reads the customer's subscription from Stripe and repairs the mirror. */
  SubscriptionStatus sync(String customerId, String actor);
}
