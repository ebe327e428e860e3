package com.acme.billing.stripe;

import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.StripeSync;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.subscription.SubscriptionRepository;
import com.acme.billing.subscription.SubscriptionService;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Pulls state from Stripe instead of waiting for a webhook, and applies it as pulled state (see
 * {@link SubscriptionService#applyPulledSubscription}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each apply commits on its own
public class StripeSyncService implements StripeSync {

  @Inject PaymentGateway gateway;
  @Inject StripeSubscriptionReader reader;
  @Inject SubscriptionRepository mirror;
  @EJB SubscriptionService subscriptions;

  @Override
  public CheckoutSessionView checkoutSession(String sessionId) {
    Session session = gateway.retrieveCheckoutSession(sessionId);
    return new CheckoutSessionView(
        session.getId(), session.getStatus(), session.getClientReferenceId());
  }

  @Override
  public SubscriptionStatus applyCheckoutSession(String sessionId, String actor) {
    Session session = gateway.retrieveCheckoutSession(sessionId);
    String customerId = session.getClientReferenceId();
    if ("complete".equals(session.getStatus()) && session.getSubscription() != null) {
      apply(customerId, gateway.retrieveSubscription(session.getSubscription()), actor);
    }
    return subscriptions.status(customerId);
  }

  @Override
  public SubscriptionStatus sync(String customerId, String actor) {
    String subscriptionId =
        mirror
            .find(customerId)
            .map(s -> s.getStripeSubscriptionId())
            .orElseThrow(
                () ->
                    new CheckoutRefusedException(
                        409,
                        CheckoutRefusedException.NO_BILLING_ACCOUNT,
                        "the customer has no Stripe subscription to sync"));
    apply(customerId, gateway.retrieveSubscription(subscriptionId), actor);
    return subscriptions.status(customerId);
  }

  private void apply(String customerId, Subscription subscription, String actor) {
    subscriptions.applyPulledSubscription(customerId, reader.state(subscription, false), actor);
  }
}
