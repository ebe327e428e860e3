package com.acme.billing.overage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One overage pack bought ({@code billing.top_up}): numbered per customer, resource and month, so
 * that its payment's idempotency key names exactly what was bought. The key is also the row's id
 * (JPA converts no id attribute, and the month is an instant).
 */
@Entity
@Table(name = "top_up", schema = "billing")
@NamedQuery(
    name = "TopUp.ofPeriod",
    query =
        "select t from TopUp t where t.customerId = :customerId and t.periodStart = :periodStart"
            + " order by t.resource, t.packNumber")
@NamedQuery(
    name = "TopUp.byInvoice",
    query = "select t from TopUp t where t.invoiceId = :invoiceId")
public class TopUp {

  public static final String CHARGED = "charged";
  public static final String FAILED = "failed";

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "resource", nullable = false)
  private String resource;

  @Column(name = "period_start", nullable = false)
  private Instant periodStart;

  @Column(name = "pack_number", nullable = false)
  private int packNumber;

  @Column(name = "quantity", nullable = false)
  private long quantity;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Column(name = "currency", nullable = false)
  private String currency;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "invoice_id")
  private String invoiceId;

  @Column(name = "bought_at", nullable = false)
  private Instant boughtAt;

  protected TopUp() {}

  TopUp(
      String customerId,
      String resource,
      Instant periodStart,
      int packNumber,
      long quantity,
      long amount,
      String currency,
      String invoiceId,
      String idempotencyKey,
      Instant boughtAt) {
    this.customerId = customerId;
    this.resource = resource;
    this.periodStart = periodStart;
    this.packNumber = packNumber;
    this.quantity = quantity;
    this.amount = amount;
    this.currency = currency;
    this.status = CHARGED;
    this.invoiceId = invoiceId;
    this.idempotencyKey = idempotencyKey;
    this.boughtAt = boughtAt;
  }

  void fail() {
    this.status = FAILED;
  }

  String customerId() {
    return customerId;
  }

  String resource() {
    return resource;
  }

  int packNumber() {
    return packNumber;
  }

  long quantity() {
    return quantity;
  }

  long amount() {
    return amount;
  }

  boolean counts() {
    return !FAILED.equals(status);
  }

  String status() {
    return status;
  }
}
