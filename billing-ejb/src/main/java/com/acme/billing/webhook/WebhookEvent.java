package com.acme.billing.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Stripe event as received ({@code billing.webhook_event}); written through {@link WebhookStore}.
 */
@Entity
@Table(name = "webhook_event", schema = "billing")
@NamedQuery(
    name = "WebhookEvent.status",
    query = "select e.status from WebhookEvent e where e.eventId = :eventId")
@NamedQuery(
    name = "WebhookEvent.payload",
    query = "select e.payload, e.payloadSealed from WebhookEvent e where e.eventId = :eventId")
@NamedQuery(
    name = "WebhookEvent.reseal",
    query =
        "update WebhookEvent e set e.payloadSealed = :sealed, e.payload = null"
            + " where e.eventId = :eventId")
@NamedQuery(
    name = "WebhookEvent.listByStatus",
    query =
        "select e.eventId, e.type, e.created, e.status, e.detail, e.receivedAt"
            + " from WebhookEvent e where e.status = :status order by e.receivedAt desc")
// A compare-and-set in one statement: the status moves only from one of its predecessors.
@NamedQuery(
    name = "WebhookEvent.moveStatus",
    query =
        "update WebhookEvent e set e.status = :status, e.detail = :detail,"
            + " e.processedAt = :processedAt where e.eventId = :eventId and e.status in :from")
@NamedQuery(
    name = "WebhookEvent.countFailure",
    query = "update WebhookEvent e set e.failures = e.failures + 1 where e.eventId = :eventId")
@NamedQuery(
    name = "WebhookEvent.failures",
    query = "select e.failures from WebhookEvent e where e.eventId = :eventId")
public class WebhookEvent {

  @Id
  @Column(name = "event_id")
  private String eventId;

  @Column(name = "event_type", nullable = false)
  private String type;

  @Column(name = "created", nullable = false)
  private long created;

  @Column(name = "api_version")
  private String apiVersion;

  /** The payload of an event stored before encryption at rest, until it is re-encrypted. */
  @Column(name = "payload")
  private String payload;

  /** The payload sealed under the data keys ({@link com.acme.billing.encryption.DataCipher}). */
  @Column(name = "payload_sealed")
  private byte[] payloadSealed;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "detail")
  private String detail;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  /** Deliveries that failed to apply (Stripe's retries and admin replays). */
  @Column(name = "failures", nullable = false)
  private int failures;

  @Column(name = "processed_at")
  private Instant processedAt;

  protected WebhookEvent() {}

  /** A newly received event; received and processed at {@code now}. */
  WebhookEvent(
      String eventId,
      String type,
      long created,
      String apiVersion,
      byte[] payloadSealed,
      String status,
      String detail,
      Instant now) {
    this.eventId = eventId;
    this.type = type;
    this.created = created;
    this.apiVersion = apiVersion;
    this.payloadSealed = payloadSealed;
    this.status = status;
    this.detail = detail;
    this.receivedAt = now;
    this.processedAt = now;
  }

  public String getEventId() {
    return eventId;
  }

  public String getStatus() {
    return status;
  }
}
