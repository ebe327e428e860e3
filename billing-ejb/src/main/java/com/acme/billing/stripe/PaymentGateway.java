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

  /** The metadata key naming the pack on a top-up's invoice (its idempotency key). */
  String TOP_UP_METADATA = "top_up";

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

  /**
   * Charges one overage pack at once: a draft invoice of its own with the pack as its one item,
   * paid with the customer's default payment method. Each of the three calls carries the pack's key
   * with a suffix, so a retried purchase of the same pack charges once.
   *
   * @throws com.acme.billing.api.PaymentProviderException a declined card, Stripe unavailable, ...
   */
  ChargedInvoice chargeTopUp(TopUpCharge charge);

  /** One overage pack to charge; {@code idempotencyKey} names the pack (see TopUpRules.key). */
  record TopUpCharge(
      String stripeCustomerId,
      String customerId,
      String resource,
      long quantity,
      long amount,
      String currency,
      String idempotencyKey) {

    public String description() {
      return "Top-up: " + quantity + " more " + resource.replace('_', ' ') + " this month";
    }
  }

  /** The invoice a charge made, and its status after paying (paid, or open while in progress). */
  record ChargedInvoice(String invoiceId, String status) {}

  /** What a subscription checkout needs. */
  record CheckoutParameters(
      String customerId,
      String stripeCustomerId,
      String priceId,
      String successUrl,
      String cancelUrl,
      String idempotencyKey) {}
}
