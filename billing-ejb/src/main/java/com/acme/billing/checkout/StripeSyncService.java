package com.acme.billing.checkout;

import com.acme.billing.api.CheckoutRefusedException;
import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.api.StripeSync;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.Subscriptions;
import com.acme.billing.checkout.CheckoutSessions.KnownSession;
import com.acme.billing.stripe.PaymentGateway;
import com.acme.billing.stripe.StripeSubscriptionReader;
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
import java.util.Optional;

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
  @EJB Subscriptions statuses;
  @EJB CheckoutSessions sessions;

  /**
   * The success page's look-up. A session of another customer is answered as unknown (its existence
   * is not revealed). Once the session's outcome is applied it is answered from the mirror; before
   * that Stripe is asked at most once a second per session, and in between the mirror answers. A
   * session this server did not create (or created before it kept them) is read from Stripe once
   * and then known by its {@code client_reference_id}.
   */
  @Override
  public CheckoutSessionView lookUpCheckoutSession(
      String sessionId, String onlyForCustomer, String actor) {
    Optional<KnownSession> known = sessions.find(sessionId);
    if (known.isPresent()) {
      String customerId = requireVisible(known.get().customerId(), onlyForCustomer);
      if (known.get().appliedAt() != null || !throttle.tryAcquire(sessionId)) {
        return new CheckoutSessionView(
            sessionId, known.get().status(), customerId, statuses.status(customerId));
      }
    } else if (!throttle.tryAcquire(sessionId)) {
      throw new PaymentProviderException(
          PaymentProviderException.Kind.RATE_LIMITED,
          "lookup_throttled",
          "This checkout session was looked up less than a second ago.",
          1);
    }
    Session session = gateway.retrieveCheckoutSession(sessionId);
    String customerId =
        requireVisible(
            known.map(KnownSession::customerId).orElse(session.getClientReferenceId()),
            onlyForCustomer);
    if (known.isEmpty()) {
      try {
        sessions.remember(sessionId, customerId);
      } catch (RuntimeException concurrentlyRemembered) {
        // A concurrent look-up of the same session remembered it first.
      }
    }
    if (COMPLETE.equals(session.getStatus()) && session.getSubscription() != null) {
      apply(customerId, gateway.retrieveSubscription(session.getSubscription()), actor);
      sessions.markApplied(sessionId, customerId, session.getSubscription(), COMPLETE);
    } else if (EXPIRED.equals(session.getStatus())) {
      sessions.markApplied(sessionId, customerId, null, EXPIRED);
    }
    return new CheckoutSessionView(
        sessionId, session.getStatus(), customerId, statuses.status(customerId));
  }

  private static String requireVisible(String sessionCustomer, String onlyForCustomer) {
    if (sessionCustomer == null
        || (onlyForCustomer != null && !onlyForCustomer.equals(sessionCustomer))) {
      throw new PaymentProviderException(
          PaymentProviderException.Kind.NOT_FOUND,
          "resource_missing",
          "No checkout session of this platform has that id.",
          0);
    }
    return sessionCustomer;
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
          CheckoutRefusedException.Reason.NO_BILLING_ACCOUNT,
          "the customer has no Stripe subscription to sync");
    }
    for (String subscriptionId : subscriptionIds) {
      apply(customerId, gateway.retrieveSubscription(subscriptionId), actor);
    }
    return statuses.status(customerId);
  }

  private void apply(String customerId, Subscription subscription, String actor) {
    subscriptions.applyPulledSubscription(customerId, reader.state(subscription, false), actor);
  }
}
