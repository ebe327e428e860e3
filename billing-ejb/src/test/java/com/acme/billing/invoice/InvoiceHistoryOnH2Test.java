package com.acme.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.Invoices.InvoicePage;
import com.acme.billing.api.Invoices.InvoiceView;
import com.acme.billing.webhook.BillingH2;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The billing history's table on H2: insert, ordering of events, pages newest first. */
class InvoiceHistoryOnH2Test {

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anInvoiceIsKeptWithItsFieldsAndALaterEventUpdatesIt() {
    assertThat(record("cust_1", facts("in_1", "open", 0, 100), 10)).isTrue();
    assertThat(record("cust_1", facts("in_1", "paid", 3000, 100), 11)).isTrue();

    InvoiceView view = page("cust_1", 0, 10).items().get(0);
    assertThat(view.invoiceId()).isEqualTo("in_1");
    assertThat(view.status()).isEqualTo("paid");
    assertThat(view.amountPaid()).isEqualTo(3000);
    assertThat(view.amountDue()).isEqualTo(3000);
    assertThat(view.number()).isEqualTo("NR-in_1");
    assertThat(view.currency()).isEqualTo("usd");
    assertThat(view.createdAt()).isEqualTo(Instant.ofEpochSecond(100));
    assertThat(view.periodStart()).isEqualTo(Instant.ofEpochSecond(1000));
    assertThat(view.periodEnd()).isEqualTo(Instant.ofEpochSecond(2000));
    assertThat(view.hostedInvoiceUrl()).isEqualTo("https://invoice.stripe.com/i/in_1");
    assertThat(view.invoicePdf()).isEqualTo("https://pay.stripe.com/invoice/in_1/pdf");
  }

  @Test
  void anOlderOrNonFinalEventAfterPaidChangesNothing() {
    record("cust_1", facts("in_1", "paid", 3000, 100), 20);

    assertThat(record("cust_1", facts("in_1", "open", 0, 100), 30)).isFalse();
    assertThat(record("cust_1", facts("in_1", "paid", 1, 100), 19)).isFalse();

    assertThat(page("cust_1", 0, 10).items().get(0).amountPaid()).isEqualTo(3000);
  }

  @Test
  void pagesAreNewestFirstAndCountEveryInvoiceOfTheCustomerOnly() {
    record("cust_1", facts("in_a", "paid", 1, 100), 1);
    record("cust_1", facts("in_b", "paid", 1, 300), 1);
    record("cust_1", facts("in_c", "paid", 1, 200), 1);
    record("cust_2", facts("in_d", "paid", 1, 400), 1);

    InvoicePage first = page("cust_1", 0, 2);
    InvoicePage second = page("cust_1", 1, 2);

    assertThat(first.total()).isEqualTo(3);
    assertThat(first.items()).extracting(InvoiceView::invoiceId).containsExactly("in_b", "in_c");
    assertThat(second.items()).extracting(InvoiceView::invoiceId).containsExactly("in_a");
    assertThat(page("cust_3", 0, 2).items()).isEmpty();
  }

  private boolean record(String customerId, InvoiceFacts facts, long eventCreated) {
    return db.call(em -> history(em).record(customerId, facts, eventCreated));
  }

  private InvoicePage page(String customerId, int page, int size) {
    return db.call(em -> history(em).page(customerId, page, size));
  }

  private static InvoiceFacts facts(String id, String status, long paid, long created) {
    return new InvoiceFacts(
        id,
        "cus_x",
        "sub_1",
        "NR-" + id,
        status,
        "usd",
        3000,
        paid,
        Instant.ofEpochSecond(1000),
        Instant.ofEpochSecond(2000),
        Instant.ofEpochSecond(created),
        "https://invoice.stripe.com/i/" + id,
        "https://pay.stripe.com/invoice/" + id + "/pdf");
  }

  private static InvoiceHistory history(EntityManager em) {
    InvoiceHistory history = new InvoiceHistory();
    history.em = em;
    history.clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    return history;
  }
}
