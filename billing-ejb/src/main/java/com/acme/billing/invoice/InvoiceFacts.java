package com.acme.billing.invoice;

import com.stripe.model.Invoice;
import java.time.Instant;

/** What the billing history keeps of one Stripe invoice, read from stripe-java's typed object. */
public record InvoiceFacts(
    String invoiceId,
    String stripeCustomerId,
    String subscriptionId,
    String number,
    String status,
    String currency,
    long amountDue,
    long amountPaid,
    Instant periodStart,
    Instant periodEnd,
    Instant createdAt,
    String hostedInvoiceUrl,
    String invoicePdf) {

  public static InvoiceFacts of(Invoice invoice) {
    return new InvoiceFacts(
        invoice.getId(),
        invoice.getCustomer(),
        // API 2026-07-29.dahlia names the subscription under parent.subscription_details.
        invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null
            ? null
            : invoice.getParent().getSubscriptionDetails().getSubscription(),
        invoice.getNumber(),
        invoice.getStatus() == null ? "draft" : invoice.getStatus(),
        invoice.getCurrency() == null ? "usd" : invoice.getCurrency(),
        invoice.getAmountDue() == null ? 0 : invoice.getAmountDue(),
        invoice.getAmountPaid() == null ? 0 : invoice.getAmountPaid(),
        seconds(invoice.getPeriodStart()),
        seconds(invoice.getPeriodEnd()),
        invoice.getCreated() == null ? Instant.EPOCH : Instant.ofEpochSecond(invoice.getCreated()),
        invoice.getHostedInvoiceUrl(),
        invoice.getInvoicePdf());
  }

  private static Instant seconds(Long epochSeconds) {
    return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
  }
}
