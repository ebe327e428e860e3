package com.acme.billing.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.BillingModuleStatus.PaymentConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the payment side can take money, and what readiness names when it cannot. */
class PaymentReadinessTest {

  @Test
  void theSandboxIsCompleteWithoutAnyStripeSetting() {
    assertThat(PaymentReadiness.assess(true, false, false, List.of("STRIPE_PRO_MONTHLY_PRICE_ID")))
        .isEqualTo(new PaymentConfiguration("sandbox", List.of()));
  }

  @Test
  void stripeWithKeySecretAndEveryPriceIsComplete() {
    assertThat(PaymentReadiness.assess(false, true, true, List.of()))
        .isEqualTo(new PaymentConfiguration("stripe", List.of()));
  }

  @Test
  void stripeNamesEveryMissingSetting() {
    PaymentConfiguration incomplete =
        PaymentReadiness.assess(false, false, false, List.of("STRIPE_SCALE_YEARLY_PRICE_ID"));

    assertThat(incomplete.mode()).isEqualTo("stripe");
    assertThat(incomplete.problems())
        .containsExactly(
            "STRIPE_API_KEY is not set (and the sandbox is off)",
            "neither STRIPE_WEBHOOK_SECRET nor STRIPE_WEBHOOK_SECRETS is set",
            "STRIPE_SCALE_YEARLY_PRICE_ID is not set");
  }
}
