package com.acme.billing.webhook;

import com.acme.billing.persistence.LockTimeout;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored webhook events ({@code billing.webhook_event}). A stored event's status only moves
 * forward ({@link WebhookEventStatus}): an outcome that would move it back is not written.
 */
@Stateless
public class WebhookStore {

  public static final String PROCESSED = "processed";
  public static final String IGNORED = "ignored";
  public static final String FAILED = "failed";

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject LockTimeout lockTimeout;

  /** A stored event as the admin API lists it. */
  public record StoredEvent(
      String eventId,
      String type,
      long created,
      String status,
      String detail,
      Instant receivedAt) {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> status(String eventId) {
    return em.createNamedQuery("WebhookEvent.status", String.class)
        .setParameter("eventId", eventId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The event's status, locking its row for this transaction; empty if it was never stored. Waits
   * for a lock held by another transaction at most {@code billing.lock-timeout-ms}.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<String> lockStatus(String eventId) {
    lockTimeout.applyTo(em);
    return em.createNamedQuery("WebhookEvent.status", String.class)
        .setParameter("eventId", eventId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * Stores a new event, or records a new outcome for one stored before unless that would move its
   * status backwards.
   *
   * @return whether the status was written (false: the stored event had moved past it)
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean save(
      String eventId,
      String type,
      long created,
      String apiVersion,
      String payload,
      String status,
      String detail,
      boolean exists) {
    Instant now = Instant.now();
    if (exists) {
      WebhookEventStatus next = known(status);
      List<String> from =
          WebhookEventStatus.predecessorsOf(next).stream().map(WebhookEventStatus::code).toList();
      return !from.isEmpty()
          && em.createNamedQuery("WebhookEvent.moveStatus")
                  .setParameter("eventId", eventId)
                  .setParameter("status", status)
                  .setParameter("detail", truncate(detail))
                  .setParameter("processedAt", now)
                  .setParameter("from", from)
                  .executeUpdate()
              > 0;
    }
    WebhookEvent event =
        new WebhookEvent(
            eventId,
            type,
            created,
            apiVersion,
            payload,
            known(status).code(),
            truncate(detail),
            now);
    em.persist(event);
    em.flush(); // now, as before: a concurrent delivery of the same event meets the primary key
    // Later status moves are bulk updates: a managed copy would go stale and could be written back.
    em.detach(event);
    return true;
  }

  /**
   * Records that applying the event failed, in a transaction of its own (the other rolled back),
   * unless the stored event has moved past failed meanwhile (processed or ignored, by a concurrent
   * delivery, or before an admin replay that failed).
   *
   * @return the event's stored status now: {@code failed}, or the one it kept
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String saveFailure(
      String eventId, String type, long created, String apiVersion, String payload, String detail) {
    Optional<String> stored = lockStatus(eventId);
    if (stored.isPresent() && !known(stored.get()).mayMoveTo(WebhookEventStatus.FAILED)) {
      return stored.get();
    }
    save(eventId, type, created, apiVersion, payload, FAILED, detail, stored.isPresent());
    return FAILED;
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> payload(String eventId) {
    return em.createNamedQuery("WebhookEvent.payload", String.class)
        .setParameter("eventId", eventId)
        .getResultStream()
        .findFirst();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StoredEvent> list(String status, int limit) {
    return em.createNamedQuery("WebhookEvent.listByStatus", Object[].class)
        .setParameter("status", status)
        .setMaxResults(limit)
        .getResultStream()
        .map(
            r ->
                new StoredEvent(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    (String) r[3],
                    (String) r[4],
                    (Instant) r[5]))
        .toList();
  }

  private static WebhookEventStatus known(String status) {
    return WebhookEventStatus.of(status)
        .orElseThrow(() -> new IllegalArgumentException("unknown webhook event status " + status));
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }
}
