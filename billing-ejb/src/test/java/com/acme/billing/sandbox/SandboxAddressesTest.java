package com.acme.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.stripe.PaymentGateway.CheckoutParameters;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox's hosted pages are linked through the public base URL, not localhost. */
class SandboxAddressesTest {

  private static SandboxGateway sandbox(Optional<String> publicBaseUrl) {
    SandboxGateway sandbox = new SandboxGateway();
    sandbox.httpPort = "9080";
    sandbox.publicBaseUrl = publicBaseUrl;
    return sandbox;
  }

  @Test
  void behindAProxyTheCheckoutAndPortalPagesUseThePublicBaseUrl() {
    SandboxGateway sandbox = sandbox(Optional.of("https://billing.example.com/"));
    String checkout =
        sandbox
            .createCheckoutSession(
                new CheckoutParameters(
                    "cust_1",
                    "cus_1",
                    "price_pro_monthly",
                    "https://app.example.com/ok",
                    "https://app.example.com/no",
                    "req_1:checkout"))
            .getUrl();
    String portal =
        sandbox.createPortalSession("cus_1", "https://app.example.com/back", "req_2:portal");

    assertThat(checkout).startsWith("https://billing.example.com/sandbox/checkout/cs_");
    assertThat(portal).startsWith("https://billing.example.com/sandbox/portal/");
  }

  @Test
  void withoutAPublicBaseUrlTheServersOwnAddressServes() {
    assertThat(sandbox(Optional.empty()).publicBaseUrl()).isEqualTo("http://localhost:9080");
    assertThat(sandbox(Optional.of("  ")).publicBaseUrl()).isEqualTo("http://localhost:9080");
  }
}
