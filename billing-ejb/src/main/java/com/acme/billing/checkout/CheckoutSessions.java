package com.acme.billing.checkout;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The checkout sessions this platform created ({@code billing.checkout_session}): whose each is,
 * and once its outcome is applied, that the success page's look-up is answered from the mirror
 * without asking Stripe again.
 */
@Stateless
public class CheckoutSessions {

  public static final String OPEN = "open";

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject Clock clock;

  /** A known session; {@code appliedAt} is set once its outcome is final in the mirror. */
  public record KnownSession(
      String sessionId,
      String customerId,
      String subscriptionId,
      String status,
      Instant appliedAt) {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<KnownSession> find(String sessionId) {
    return Optional.ofNullable(em.find(CheckoutSession.class, sessionId))
        .map(
            c ->
                new KnownSession(
                    c.getSessionId(),
                    c.getCustomerId(),
                    c.getSubscriptionId(),
                    c.getStatus(),
                    c.getAppliedAt()));
  }

  /** Remembers a session created (or reused) for the customer; a second call changes nothing. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void remember(String sessionId, String customerId) {
    if (em.find(CheckoutSession.class, sessionId) != null) {
      return;
    }
    em.persist(new CheckoutSession(sessionId, customerId, OPEN, clock.instant()));
  }

  /**
   * Records a session's final outcome (complete or expired); later look-ups need no Stripe call.
   */
  public void markApplied(
      String sessionId, String customerId, String subscriptionId, String status) {
    Instant now = clock.instant();
    CheckoutSession session = em.find(CheckoutSession.class, sessionId);
    if (session == null) {
      session = new CheckoutSession(sessionId, customerId, status, now);
      em.persist(session);
    }
    session.applied(subscriptionId, status, now);
  }
}
