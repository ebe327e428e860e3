package com.acme.billing.invoice;

import com.acme.billing.api.Invoices.InvoiceView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One invoice of the customer's billing history ({@code billing.invoice}). */
@Entity
@Table(name = "invoice", schema = "billing")
@NamedQuery(
    name = "CustomerInvoice.byCustomer",
    query =
        "select i from CustomerInvoice i where i.customerId = :customerId"
            + " order by i.createdAt desc, i.invoiceId desc")
@NamedQuery(
    name = "CustomerInvoice.countByCustomer",
    query = "select count(i) from CustomerInvoice i where i.customerId = :customerId")
public class CustomerInvoice {

  @Id
  @Column(name = "invoice_id")
  private String invoiceId;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "subscription_id")
  private String subscriptionId;

  @Column(name = "invoice_number")
  private String number;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "currency", nullable = false)
  private String currency;

  @Column(name = "amount_due", nullable = false)
  private long amountDue;

  @Column(name = "amount_paid", nullable = false)
  private long amountPaid;

  @Column(name = "period_start")
  private Instant periodStart;

  @Column(name = "period_end")
  private Instant periodEnd;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "hosted_invoice_url")
  private String hostedInvoiceUrl;

  @Column(name = "invoice_pdf")
  private String invoicePdf;

  @Column(name = "last_event_created", nullable = false)
  private long lastEventCreated;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CustomerInvoice() {}

  CustomerInvoice(String customerId, InvoiceFacts facts, long eventCreated, Instant now) {
    this.invoiceId = facts.invoiceId();
    this.customerId = customerId;
    update(facts, eventCreated, now);
  }

  void update(InvoiceFacts facts, long eventCreated, Instant now) {
    this.subscriptionId = facts.subscriptionId();
    this.number = facts.number();
    this.status = facts.status();
    this.currency = facts.currency();
    this.amountDue = facts.amountDue();
    this.amountPaid = facts.amountPaid();
    this.periodStart = facts.periodStart();
    this.periodEnd = facts.periodEnd();
    this.createdAt = facts.createdAt();
    this.hostedInvoiceUrl = facts.hostedInvoiceUrl();
    this.invoicePdf = facts.invoicePdf();
    this.lastEventCreated = eventCreated;
    this.updatedAt = now;
  }

  String status() {
    return status;
  }

  long lastEventCreated() {
    return lastEventCreated;
  }

  InvoiceView view() {
    return new InvoiceView(
        invoiceId,
        number,
        createdAt,
        periodStart,
        periodEnd,
        amountDue,
        amountPaid,
        currency,
        status,
        hostedInvoiceUrl,
        invoicePdf);
  }
}
