package com.acme.billing.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import java.util.Optional;

/**
 * Everything the product asks of Stripe. Two adapters: {@link StripeGateway} on stripe-java for
 * real Stripe, and the built-in sandbox for the development profile. Objects are stripe-java's
 * typed ones, so what the sandbox returns is read exactly like what Stripe returns.
 */
public interface PaymentGateway {

  /** The Stripe customer for our customer, created (once) if there is none yet. */
  String createCustomer(String customerId);

  Session createCheckoutSession(CheckoutParameters parameters);

  /** The customer's open (unexpired) checkout session for this price, if any. */
  Optional<Session> findOpenCheckoutSession(String stripeCustomerId, String priceId);

  Session retrieveCheckoutSession(String sessionId);

  /**
   * @return the portal session's URL
   */
  String createPortalSession(String stripeCustomerId, String returnUrl);

  Subscription retrieveSubscription(String subscriptionId);

  /** Moves the subscription's item to another price now, with proration (an upgrade). */
  Subscription changePriceNow(String subscriptionId, String itemId, String priceId);

  /**
   * Moves the subscription to another price at the end of the current period (a downgrade):
   * Stripe's plain update cannot defer a price change, a subscription schedule can.
   */
  void changePriceAtPeriodEnd(
      String subscriptionId,
      String existingScheduleId,
      String currentPriceId,
      String newPriceId,
      long periodStart,
      long periodEnd,
      boolean yearly);

  /** Sets or clears cancel-at-period-end. */
  Subscription cancelAtPeriodEnd(String subscriptionId, boolean cancel);

  /** What a subscription checkout needs. */
  record CheckoutParameters(
      String customerId,
      String stripeCustomerId,
      String priceId,
      String successUrl,
      String cancelUrl) {}
}
