package com.acme.billing.api;

import jakarta.ejb.Local;

/** Stripe Checkout and the Customer Portal: the self-service selling surface (billing_v2 only). */
@Local
public interface Checkout {

  record CheckoutSession(String sessionId, String url) {}

  /**
   * @param idempotencyKey the request's {@code Idempotency-Key} header, or null (a random key)
   */
  CheckoutSession createCheckoutSession(
      String customerId,
      String tierId,
      String billingPeriod,
      String successUrl,
      String cancelUrl,
      String idempotencyKey);

  /**
   * Open to a customer with a Stripe subscription on the legacy path too.
   *
   * @return the portal URL
   */
  String createPortalSession(String customerId, String returnUrl, String idempotencyKey);
}
