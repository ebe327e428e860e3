package com.acme.billing.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import java.util.Optional;

/**
 * Everything the product asks of Stripe. Two adapters: {@link StripeGateway} on stripe-java for
 * real Stripe, and the built-in sandbox for the development profile. Objects are stripe-java's
 * typed ones, so what the sandbox returns is read exactly like what Stripe returns. Every create or
 * update takes the idempotency key of its call ({@link IdempotencyKey#forCall}).
 */
public interface PaymentGateway {

  /** The Stripe customer for our customer, created (once) if there is none yet. */
  String createCustomer(String customerId, String idempotencyKey);

  Session createCheckoutSession(CheckoutParameters parameters);

  /** The customer's open (unexpired) checkout session for this price, if any. */
  Optional<Session> findOpenCheckoutSession(String stripeCustomerId, String priceId);

  Session retrieveCheckoutSession(String sessionId);

  /**
   * @return the portal session's URL
   */
  String createPortalSession(String stripeCustomerId, String returnUrl, String idempotencyKey);

  Subscription retrieveSubscription(String subscriptionId);

  /**
   * Moves the subscription's item to another price now (an upgrade), the proration invoiced and
   * charged at once ({@code always_invoice}).
   */
  Subscription changePriceNow(
      String subscriptionId, String itemId, String priceId, String idempotencyKey);

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
      boolean yearly,
      String idempotencyKey);

  /**
   * Releases a subscription schedule (a pending downgrade): the subscription stays as it is now and
   * can be changed directly again.
   */
  void releaseSchedule(String scheduleId, String idempotencyKey);

  /**
   * Sets or clears cancel-at-period-end. Stripe refuses this while a schedule is attached: release
   * it first.
   */
  Subscription cancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey);

  /** What a subscription checkout needs. */
  record CheckoutParameters(
      String customerId,
      String stripeCustomerId,
      String priceId,
      String successUrl,
      String cancelUrl,
      String idempotencyKey) {}
}
