package com.acme.billing.webhook;

import com.acme.billing.persistence.LockTimeout;
import com.acme.billing.persistence.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
    List<?> rows =
        em.createNativeQuery("select status from billing.webhook_event where event_id = ?1")
            .setParameter(1, eventId)
            .getResultList();
    return rows.stream().findFirst().map(String.class::cast);
  }

  /**
   * The event's status, locking its row for this transaction; empty if it was never stored. Waits
   * for a lock held by another transaction at most {@code billing.lock-timeout-ms}.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<String> lockStatus(String eventId) {
    lockTimeout.applyTo(em);
    List<?> rows =
        em.createNativeQuery(
                "select status from billing.webhook_event where event_id = ?1 for update")
            .setParameter(1, eventId)
            .getResultList();
    return rows.stream().findFirst().map(String.class::cast);
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
      Query update =
          em.createNativeQuery(
                  "update billing.webhook_event set status = ?2, detail = ?3, processed_at = ?4"
                      + " where event_id = ?1 and status in ("
                      + placeholders(5, from.size())
                      + ")")
              .setParameter(1, eventId)
              .setParameter(2, status)
              .setParameter(3, truncate(detail))
              .setParameter(4, now.atOffset(ZoneOffset.UTC));
      for (int i = 0; i < from.size(); i++) {
        update.setParameter(5 + i, from.get(i));
      }
      return update.executeUpdate() > 0;
    }
    em.createNativeQuery(
            "insert into billing.webhook_event (event_id, event_type, created, api_version,"
                + " payload, status, detail, received_at, processed_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)")
        .setParameter(1, eventId)
        .setParameter(2, type)
        .setParameter(3, created)
        .setParameter(4, apiVersion)
        .setParameter(5, payload)
        .setParameter(6, known(status).code())
        .setParameter(7, truncate(detail))
        .setParameter(8, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
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
    List<?> rows =
        em.createNativeQuery("select payload from billing.webhook_event where event_id = ?1")
            .setParameter(1, eventId)
            .getResultList();
    return rows.stream().findFirst().map(String.class::cast);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StoredEvent> list(String status, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select event_id, event_type, created, status, detail, received_at"
                    + " from billing.webhook_event where status = ?1 order by received_at desc")
            .setParameter(1, status)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StoredEvent(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    (String) r[3],
                    (String) r[4],
                    Timestamps.toInstant(r[5])))
        .toList();
  }

  private static WebhookEventStatus known(String status) {
    return WebhookEventStatus.of(status)
        .orElseThrow(() -> new IllegalArgumentException("unknown webhook event status " + status));
  }

  private static String placeholders(int first, int count) {
    return IntStream.range(first, first + count)
        .mapToObj(i -> "?" + i)
        .collect(Collectors.joining(", "));
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }
}
