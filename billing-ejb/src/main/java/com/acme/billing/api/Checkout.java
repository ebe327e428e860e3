package com.acme.billing.api;

import jakarta.ejb.Local;

/** Stripe Checkout and the Customer Portal: the self-service selling surface (billing_v2 only). */
@Local
public interface Checkout {

  record CheckoutSession(String sessionId, String url) {}

  CheckoutSession createCheckoutSession(
      String customerId, String tierId, String billingPeriod, String successUrl, String cancelUrl);

  /**
   * @return the portal URL
   */
  String createPortalSession(String customerId, String returnUrl);
}
