package com.acme.billing.webhook;

import com.acme.billing.encryption.DataCipher;
import com.acme.billing.encryption.ResealBatch;
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

  @Inject DataCipher cipher;

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
            cipher.seal(payload, payloadContext(eventId)),
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
    em.createNamedQuery("WebhookEvent.countFailure")
        .setParameter("eventId", eventId)
        .executeUpdate();
    return FAILED;
  }

  /** How many deliveries of the stored event failed to apply; 0 if it is not stored. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public int failures(String eventId) {
    return em.createNamedQuery("WebhookEvent.failures", Integer.class)
        .setParameter("eventId", eventId)
        .getResultStream()
        .findFirst()
        .orElse(0);
  }

  /** The event's payload as received, opened if it is sealed. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> payload(String eventId) {
    return em.createNamedQuery("WebhookEvent.payload", Object[].class)
        .setParameter("eventId", eventId)
        .getResultStream()
        .findFirst()
        .map(
            r ->
                r[1] == null ? (String) r[0] : cipher.open((byte[]) r[1], payloadContext(eventId)));
  }

  /**
   * Seals the payloads of the events after {@code after} (in event id order) under the primary key,
   * where they are in plaintext (stored before encryption at rest) or under an older key.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public ResealBatch<String> resealAfter(String after) {
    // Native: the filter reads the key id inside the sealed bytes (Tink's prefix), so rows already
    // under the primary key are skipped by the database instead of read into the server.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select event_id, payload, payload_sealed from billing.webhook_event"
                    + " where event_id > ?1 and (payload_sealed is null"
                    + " or substring(payload_sealed from 1 for 5) <> ?2) order by event_id")
            .setParameter(1, after)
            .setParameter(2, cipher.primaryPrefix())
            .setMaxResults(ResealBatch.SIZE)
            .getResultList();
    for (Object[] r : rows) {
      String eventId = (String) r[0];
      byte[] sealed = (byte[]) r[2];
      String payload =
          sealed == null ? (String) r[1] : cipher.open(sealed, payloadContext(eventId));
      em.createNamedQuery("WebhookEvent.reseal")
          .setParameter("sealed", cipher.seal(payload, payloadContext(eventId)))
          .setParameter("eventId", eventId)
          .executeUpdate();
    }
    String last = rows.isEmpty() ? null : (String) rows.get(rows.size() - 1)[0];
    return new ResealBatch<>(last, rows.size());
  }

  /** The associated data of an event's sealed payload: it opens in that event's row only. */
  public static String payloadContext(String eventId) {
    return DataCipher.context("webhook_event", "payload", eventId);
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
