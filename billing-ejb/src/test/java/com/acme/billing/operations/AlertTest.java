package com.acme.billing.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

  @Test
  void theLineStartsWithTheKindThenTheCustomerThenTheFieldsInNameOrder() {
    Alert alert =
        new Alert(
            Alert.PAYMENT_FAILED,
            "cust_42",
            Map.of("kind", "top_up", "invoice", "in_1"),
            "a top-up's payment failed");

    assertThat(alert.line())
        .isEqualTo(
            "alert=payment_failed customer=cust_42 invoice=in_1 kind=top_up:"
                + " a top-up's payment failed");
  }

  @Test
  void aValueCannotForgeAFieldOrALine() {
    Alert alert =
        new Alert(
            Alert.USAGE_LEVEL, "cust 1\nalert=fake x=y", Map.of("resource", "a=b c"), "usage");

    assertThat(alert.line())
        .isEqualTo("alert=usage_level customer=cust_1_alert_fake_x_y resource=a_b_c: usage");
  }

  @Test
  void anAlertWithoutCustomerLeavesTheFieldOut() {
    assertThat(new Alert(Alert.WEBHOOK_SIGNATURE_FAILURES, null, Map.of("count", "10"), "m").line())
        .isEqualTo("alert=webhook_signature_failures count=10: m");
  }
}
