package com.acme.billing.checkout;

import com.acme.billing.persistence.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select session_id, customer_id, subscription_id, status, applied_at"
                    + " from billing.checkout_session where session_id = ?1")
            .setParameter(1, sessionId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new KnownSession(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    r[4] == null ? null : Timestamps.toInstant(r[4])));
  }

  /** Remembers a session created (or reused) for the customer; a second call changes nothing. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void remember(String sessionId, String customerId) {
    if (find(sessionId).isPresent()) {
      return;
    }
    em.createNativeQuery(
            "insert into billing.checkout_session (session_id, customer_id, status, created_at)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, sessionId)
        .setParameter(2, customerId)
        .setParameter(3, OPEN)
        .setParameter(4, clock.instant().atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * Records a session's final outcome (complete or expired); later look-ups need no Stripe call.
   */
  public void markApplied(
      String sessionId, String customerId, String subscriptionId, String status) {
    Instant now = clock.instant();
    int updated =
        em.createNativeQuery(
                "update billing.checkout_session set subscription_id = ?2, status = ?3,"
                    + " applied_at = ?4 where session_id = ?1")
            .setParameter(1, sessionId)
            .setParameter(2, subscriptionId)
            .setParameter(3, status)
            .setParameter(4, now.atOffset(ZoneOffset.UTC))
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into billing.checkout_session (session_id, customer_id, subscription_id,"
                  + " status, created_at, applied_at) values (?1, ?2, ?3, ?4, ?5, ?5)")
          .setParameter(1, sessionId)
          .setParameter(2, customerId)
          .setParameter(3, subscriptionId)
          .setParameter(4, status)
          .setParameter(5, now.atOffset(ZoneOffset.UTC))
          .executeUpdate();
    }
  }
}
