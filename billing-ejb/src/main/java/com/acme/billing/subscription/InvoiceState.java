package com.acme.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one subscription invoice last said ({@code billing.invoice_state}). */
@Entity
@Table(name = "invoice_state", schema = "billing")
@NamedQuery(
    name = "InvoiceState.countBySubscriptionAndStatus",
    query =
        "select count(i) from InvoiceState i"
            + " where i.subscriptionId = :subscriptionId and i.status = :status")
public class InvoiceState {

  @Id
  @Column(name = "invoice_id")
  private String invoiceId;

  @Column(name = "subscription_id", nullable = false)
  private String subscriptionId;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected InvoiceState() {}

  InvoiceState(String invoiceId, String subscriptionId, String status, Instant now) {
    this.invoiceId = invoiceId;
    this.subscriptionId = subscriptionId;
    this.status = status;
    this.updatedAt = now;
  }

  void changeTo(String status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  public String getInvoiceId() {
    return invoiceId;
  }

  public String getSubscriptionId() {
    return subscriptionId;
  }

  public String getStatus() {
    return status;
  }
}
