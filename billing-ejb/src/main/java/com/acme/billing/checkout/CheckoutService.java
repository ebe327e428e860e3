package com.acme.billing.checkout;

import com.acme.billing.api.Checkout;
import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.entitlement.CustomerStates;
import com.acme.billing.plan.Plans;
import com.acme.billing.plan.Tier;
import com.acme.billing.rollout.BillingRollout;
import com.acme.billing.stripe.IdempotencyKey;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.PriceCatalog;
import com.acme.billing.stripe.StripeCustomerMappings;
import com.acme.billing.stripe.StripeCustomers;
import com.acme.billing.subscription.SubscriptionRules;
import com.acme.billing.subscription.SubscriptionService;
import com.stripe.model.checkout.Session;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Stripe Checkout and the Customer Portal for customers on the new billing path. A customer with a
 * live paid subscription changes plan through plan change or the portal, never a second checkout.
 */
@Stateless
@TransactionAttribute(
    TransactionAttributeType.NOT_SUPPORTED) // no transaction held across Stripe calls
public class CheckoutService implements Checkout {

  static final String SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";

  @Inject BillingRollout rollout;
  @Inject PaymentGateway gateway;
  @Inject PriceCatalog prices;
  @Inject StripeCustomers customers;
  @EJB StripeCustomerMappings mappings;
  @Inject RedirectPolicy redirects;
  @EJB Plans plans;
  @Inject CustomerStates states;
  @EJB SubscriptionService subscriptions;
  @EJB CheckoutSessions sessions;

  @Override
  public CheckoutSession createCheckoutSession(
      String customerId,
      String tierId,
      String billingPeriod,
      String successUrl,
      String cancelUrl,
      String idempotencyKey) {
    rollout.requireNewBilling(customerId);
    IdempotencyKey key = IdempotencyKey.forRequest(customerId, idempotencyKey);
    Tier tier = plans.tier(tierId);
    PriceCatalog.requirePeriod(billingPeriod);
    if (tier.isFree()) {
      throw new CheckoutRefusedException(
          CheckoutRefusedException.Reason.FREE_NEEDS_NO_CHECKOUT,
          "FREE needs no checkout; to leave a paid plan, cancel it"
              + " or use the customer portal");
    }
    var state = states.state(customerId);
    if (SubscriptionRules.LIVE_STATUSES.contains(state.status())
        && !Tier.FREE.equals(state.tierId())) {
      throw new CheckoutRefusedException(
          CheckoutRefusedException.Reason.SUBSCRIPTION_EXISTS,
          "the customer already has a live "
              + state.tierId()
              + " subscription; change plan through plan change or the customer portal");
    }
    String priceId =
        prices
            .priceId(tierId, billingPeriod)
            .orElseThrow(
                () ->
                    new InvalidUsageException(
                        "tierId",
                        "no Stripe price is configured for " + tierId + " " + billingPeriod));
    String success = withSessionPlaceholder(redirects.require("successUrl", successUrl));
    String cancel = redirects.require("cancelUrl", cancelUrl);
    String stripeCustomer =
        customers
            .stripeCustomerOf(customerId)
            .orElseGet(() -> createStripeCustomer(customerId, key.forCall("customer")));
    Session session =
        gateway
            .findOpenCheckoutSession(stripeCustomer, priceId)
            .orElseGet(
                () ->
                    gateway.createCheckoutSession(
                        new PaymentGateway.CheckoutParameters(
                            customerId,
                            stripeCustomer,
                            priceId,
                            success,
                            cancel,
                            key.forCall("checkout"))));
    try {
      sessions.remember(session.getId(), customerId);
    } catch (RuntimeException concurrentlyRemembered) {
      // A concurrent request reused the same open session and remembered it first.
    }
    return new CheckoutSession(session.getId(), session.getUrl());
  }

  @Override
  public String createPortalSession(String customerId, String returnUrl, String idempotencyKey) {
    // A customer who already subscribed keeps the portal on the legacy path too: cancelling and
    // updating a card must never depend on the rollout.
    if (!subscriptions.hasStripeSubscription(customerId)) {
      rollout.requireNewBilling(customerId);
    }
    String url = redirects.require("returnUrl", returnUrl);
    String stripeCustomer =
        customers
            .stripeCustomerOf(customerId)
            .orElseThrow(
                () ->
                    new CheckoutRefusedException(
                        CheckoutRefusedException.Reason.NO_BILLING_ACCOUNT,
                        "the customer has no Stripe billing account yet; start with a checkout"));
    return gateway.createPortalSession(
        stripeCustomer,
        url,
        IdempotencyKey.forRequest(customerId, idempotencyKey).forCall("portal"));
  }

  /**
   * Creates the Stripe customer and remembers it. A concurrent first checkout may create a second
   * one at Stripe; whichever remembers it second loses the unique key and uses the first one's (the
   * other stays unused at Stripe, without subscriptions).
   */
  private String createStripeCustomer(String customerId, String idempotencyKey) {
    String created = gateway.createCustomer(customerId, idempotencyKey);
    try {
      mappings.remember(customerId, created);
      return created;
    } catch (EJBException e) {
      return customers.stripeCustomerOf(customerId).orElseThrow(() -> e);
    }
  }

  private static String withSessionPlaceholder(String successUrl) {
    if (successUrl.contains(SESSION_ID_PLACEHOLDER)) {
      return successUrl;
    }
    return successUrl
        + (successUrl.contains("?") ? "&" : "?")
        + "session_id="
        + SESSION_ID_PLACEHOLDER;
  }
}
