package com.acme.billing.checkout;

import com.acme.billing.api.Checkout;
import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.InvalidUsageException;
import com.acme.billing.entitlement.EntitlementService;
import com.acme.billing.plan.PlanCatalogBean;
import com.acme.billing.plan.Tier;
import com.acme.billing.rollout.BillingRollout;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.PriceCatalog;
import com.acme.billing.stripe.StripeCustomerMappings;
import com.acme.billing.stripe.StripeCustomers;
import com.acme.billing.subscription.CustomerSubscription;
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
  @EJB PlanCatalogBean plans;
  @EJB EntitlementService entitlements;

  @Override
  public CheckoutSession createCheckoutSession(
      String customerId, String tierId, String billingPeriod, String successUrl, String cancelUrl) {
    rollout.requireNewBilling(customerId);
    Tier tier = plans.tier(tierId);
    PriceCatalog.requirePeriod(billingPeriod);
    if (tier.isFree()) {
      throw new CheckoutRefusedException(
          409,
          CheckoutRefusedException.FREE_NEEDS_NO_CHECKOUT,
          "FREE needs no checkout; to leave a paid plan cancel it (POST /billing/subscription/cancel)"
              + " or use the customer portal");
    }
    var state = entitlements.state(customerId);
    if (CustomerSubscription.LIVE_STATUSES.contains(state.status())
        && !Tier.FREE.equals(state.tierId())) {
      throw new CheckoutRefusedException(
          409,
          CheckoutRefusedException.SUBSCRIPTION_EXISTS,
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
        customers.stripeCustomerOf(customerId).orElseGet(() -> createStripeCustomer(customerId));
    Session session =
        gateway
            .findOpenCheckoutSession(stripeCustomer, priceId)
            .orElseGet(
                () ->
                    gateway.createCheckoutSession(
                        new PaymentGateway.CheckoutParameters(
                            customerId, stripeCustomer, priceId, success, cancel)));
    return new CheckoutSession(session.getId(), session.getUrl());
  }

  @Override
  public String createPortalSession(String customerId, String returnUrl) {
    rollout.requireNewBilling(customerId);
    String url = redirects.require("returnUrl", returnUrl);
    String stripeCustomer =
        customers
            .stripeCustomerOf(customerId)
            .orElseThrow(
                () ->
                    new CheckoutRefusedException(
                        409,
                        CheckoutRefusedException.NO_BILLING_ACCOUNT,
                        "the customer has no Stripe billing account yet; start with a checkout"));
    return gateway.createPortalSession(stripeCustomer, url);
  }

  /**
   * Creates the Stripe customer and remembers it. A concurrent first checkout does the same with
   * the same idempotency key, so Stripe answers both with one customer; whichever remembers it
   * second loses the unique key and reads the first one's.
   */
  private String createStripeCustomer(String customerId) {
    String created = gateway.createCustomer(customerId);
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
