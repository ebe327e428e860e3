package com.acme.billing.audit;

import com.acme.billing.api.AuditTrail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code billing.audit_log}, for reading only: rows are written by {@link AuditLog} (a
 * native insert) and never changed.
 */
@Entity
@Table(name = "audit_log", schema = "billing")
public class AuditRecord {

  @Id
  @Column(name = "id")
  private long id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "actor")
  private String actor;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "action")
  private String action;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected AuditRecord() {}

  AuditTrail.Entry view() {
    return new AuditTrail.Entry(id, occurredAt, actor, customerId, action, before, after);
  }
}
