package com.acme.billing.api;

import jakarta.ejb.Local;

/** Reads Stripe through the payment port and repairs the mirror from what it says. */
@Local
public interface StripeSync {

  /**
   * A checkout session of ours: its status at Stripe, whose it is (our customer id), and that
   * customer's subscription status after its outcome was applied.
   */
  record CheckoutSessionView(
      String sessionId, String status, String customerId, SubscriptionStatus subscription) {}

  /**
   * The success page's look-up: applies a completed session's subscription to the mirror, as its
   * webhook would, so that the page shows access even when the browser returns before the webhook.
   *
   * @param onlyForCustomer a customer caller's own id (another customer's session is not found), or
   *     null for service and admin callers
   * @throws PaymentProviderException of kind NOT_FOUND for a session that is not ours or not theirs
   */
  CheckoutSessionView lookUpCheckoutSession(String sessionId, String onlyForCustomer, String actor);

  /** Re-reads the customer's subscriptions from Stripe and repairs the mirror. */
  SubscriptionStatus sync(String customerId, String actor);
}
