package com.acme.billing.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/** The customer's billing history: its invoices as Stripe's {@code invoice.*} events told them. */
@Local
public interface Invoices {

  /** The largest page of invoices one request reads. */
  int MAX_PAGE_SIZE = 100;

  /**
   * One invoice. Amounts are in the currency's minor unit (cents); {@code number} is null until
   * Stripe finalises the invoice; the URLs are Stripe's hosted invoice page and PDF (null for a
   * draft).
   */
  record InvoiceView(
      String invoiceId,
      String number,
      Instant createdAt,
      Instant periodStart,
      Instant periodEnd,
      long amountDue,
      long amountPaid,
      String currency,
      String status,
      String hostedInvoiceUrl,
      String invoicePdf) {}

  /** One page of a customer's invoices, newest first, and how many there are in all. */
  record InvoicePage(String customerId, int page, int size, long total, List<InvoiceView> items) {}

  InvoicePage invoices(String customerId, int page, int size);
}
