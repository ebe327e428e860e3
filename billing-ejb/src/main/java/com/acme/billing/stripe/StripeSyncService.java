package com.acme.billing.stripe;

import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.api.StripeSync;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.checkout.CheckoutSessions;
import com.acme.billing.checkout.CheckoutSessions.KnownSession;
import com.acme.billing.subscription.CustomerSubscription;
import com.acme.billing.subscription.SubscriptionRepository;
import com.acme.billing.subscription.SubscriptionService;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Pulls state from Stripe instead of waiting for a webhook, and applies it as pulled state (see
 * {@link SubscriptionService#applyPulledSubscription}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each apply commits on its own
public class StripeSyncService implements StripeSync {

  static final String COMPLETE = "complete";
  static final String EXPIRED = "expired";

  @Inject PaymentGateway gateway;
  @Inject StripeSubscriptionReader reader;
  @Inject SubscriptionRepository mirror;
  @Inject CheckoutLookUpThrottle throttle;
  @EJB SubscriptionService subscriptions;
  @EJB CheckoutSessions sessions;

  /**
   * The success page's look-up. A session of another customer is answered as unknown (its existence
   * is not revealed). Once the session's outcome is applied it is answered from the mirror; before
   * that Stripe is asked at most once a second per session, and in between the mirror answers.
   */
  @Override
  public CheckoutSessionView lookUpCheckoutSession(
      String sessionId, String onlyForCustomer, String actor) {
    KnownSession known =
        sessions
            .find(sessionId)
            .filter(s -> onlyForCustomer == null || onlyForCustomer.equals(s.customerId()))
            .orElseThrow(
                () ->
                    new PaymentProviderException(
                        PaymentProviderException.Kind.NOT_FOUND,
                        "resource_missing",
                        "No checkout session of this platform has that id.",
                        0));
    String customerId = known.customerId();
    if (known.appliedAt() != null || !throttle.tryAcquire(sessionId)) {
      return new CheckoutSessionView(
          sessionId, known.status(), customerId, subscriptions.status(customerId));
    }
    Session session = gateway.retrieveCheckoutSession(sessionId);
    if (COMPLETE.equals(session.getStatus()) && session.getSubscription() != null) {
      apply(customerId, gateway.retrieveSubscription(session.getSubscription()), actor);
      sessions.markApplied(sessionId, customerId, session.getSubscription(), COMPLETE);
    } else if (EXPIRED.equals(session.getStatus())) {
      sessions.markApplied(sessionId, customerId, null, EXPIRED);
    }
    return new CheckoutSessionView(
        sessionId, session.getStatus(), customerId, subscriptions.status(customerId));
  }

  @Override
  public SubscriptionStatus sync(String customerId, String actor) {
    List<String> subscriptionIds =
        mirror.ofCustomer(customerId).stream()
            .filter(s -> !s.isDeleted())
            .map(CustomerSubscription::getStripeSubscriptionId)
            .filter(id -> id != null)
            .toList();
    if (subscriptionIds.isEmpty()) {
      throw new CheckoutRefusedException(
          409,
          CheckoutRefusedException.NO_BILLING_ACCOUNT,
          "the customer has no Stripe subscription to sync");
    }
    for (String subscriptionId : subscriptionIds) {
      apply(customerId, gateway.retrieveSubscription(subscriptionId), actor);
    }
    return subscriptions.status(customerId);
  }

  private void apply(String customerId, Subscription subscription, String actor) {
    subscriptions.applyPulledSubscription(customerId, reader.state(subscription, false), actor);
  }
}
