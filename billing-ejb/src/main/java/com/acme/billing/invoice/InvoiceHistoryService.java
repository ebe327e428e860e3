package com.acme.billing.invoice;

import com.acme.billing.api.Invoices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The billing history as the API reads it. */
@Stateless
public class InvoiceHistoryService implements Invoices {

  @Inject InvoiceHistory history;

  @Override
  public InvoicePage invoices(String customerId, int page, int size) {
    // The API refuses other values with a problem naming the parameter; this is the last guard.
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
    }
    return history.page(customerId, page, size);
  }
}
