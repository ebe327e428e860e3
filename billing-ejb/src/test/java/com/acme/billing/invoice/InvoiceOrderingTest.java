package com.acme.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceOrderingTest {

  @Test
  void theFirstEventOfAnInvoiceIsAlwaysKept() {
    assertThat(InvoiceOrdering.replaces(null, 0, "draft", 100)).isTrue();
  }

  @Test
  void aNewerEventReplacesAnOpenInvoiceAndAnOlderOneDoesNot() {
    assertThat(InvoiceOrdering.replaces("open", 100, "open", 101)).isTrue();
    assertThat(InvoiceOrdering.replaces("open", 100, "open", 100)).isTrue();
    assertThat(InvoiceOrdering.replaces("open", 100, "draft", 99)).isFalse();
  }

  @Test
  void paidReplacesAnUnfinishedInvoiceEvenWhenItsEventIsOlder() {
    assertThat(InvoiceOrdering.replaces("open", 100, "paid", 99)).isTrue();
    assertThat(InvoiceOrdering.replaces("uncollectible", 100, "paid", 100)).isTrue();
  }

  @Test
  void aPaidOrVoidInvoiceStaysSoWhateverArrivesAfterIt() {
    assertThat(InvoiceOrdering.replaces("paid", 100, "open", 200)).isFalse();
    assertThat(InvoiceOrdering.replaces("paid", 100, "void", 200)).isFalse();
    assertThat(InvoiceOrdering.replaces("void", 100, "paid", 200)).isFalse();
    assertThat(InvoiceOrdering.replaces("paid", 100, "paid", 200)).isTrue();
    assertThat(InvoiceOrdering.replaces("paid", 100, "paid", 99)).isFalse();
  }
}
