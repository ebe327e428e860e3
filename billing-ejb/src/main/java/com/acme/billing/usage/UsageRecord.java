package com.acme.billing.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One accepted usage record ({@code billing.usage_record}). Read through JPA; inserted only by
 * {@link UsageCounters#apply} (a native insert: see there).
 */
@Entity
@Table(name = "usage_record", schema = "billing")
@NamedQuery(
    name = "UsageRecord.byIdempotencyKey",
    query =
        "select r from UsageRecord r where r.customerId = :customerId"
            + " and r.idempotencyKey = :idempotencyKey")
@NamedQuery(
    name = "UsageRecord.inRange",
    query =
        "select r.recordedAt, r.quantity from UsageRecord r where r.customerId = :customerId"
            + " and r.resource = :resource and r.recordedAt >= :from and r.recordedAt < :to"
            + " order by r.recordedAt, r.id")
@NamedQuery(
    name = "UsageRecord.before",
    query =
        "select r.quantity from UsageRecord r where r.customerId = :customerId"
            + " and r.resource = :resource and r.recordedAt < :from"
            + " order by r.recordedAt desc, r.id desc")
public class UsageRecord {

  @Id
  @Column(name = "id")
  private Long id;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "idempotency_key", nullable = false)
  private String idempotencyKey;

  @Column(name = "resource", nullable = false)
  private String resource;

  @Column(name = "kind", nullable = false)
  private String kind;

  @Column(name = "quantity", nullable = false)
  private long quantity;

  @Column(name = "enforced", nullable = false)
  private boolean enforced;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  protected UsageRecord() {}

  public Long getId() {
    return id;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getResource() {
    return resource;
  }

  public String getKind() {
    return kind;
  }

  public long getQuantity() {
    return quantity;
  }

  public boolean isEnforced() {
    return enforced;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
