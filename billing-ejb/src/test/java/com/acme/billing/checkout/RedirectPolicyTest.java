package com.acme.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.billing.api.CheckoutRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTest {

  private final RedirectPolicy policy = new RedirectPolicy();

  RedirectPolicyTest() {
    policy.allowedOrigins = "http://localhost:9080, https://app.example/";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:9080/billing/success.html?session_id={CHECKOUT_SESSION_ID}",
        "https://app.example/billing/success?x=1&session_id={CHECKOUT_SESSION_ID}#done",
        "https://app.example/billing/{CHECKOUT_SESSION_ID}/success",
      })
  void stripesSessionPlaceholderInTheSuccessUrlIsAcceptedAndKeptUnchanged(String url) {
    assertThat(policy.require("successUrl", url)).isEqualTo(url);
  }

  @Test
  void aPlainAllowedUrlIsAccepted() {
    assertThat(policy.require("cancelUrl", "http://localhost:9080/billing"))
        .isEqualTo("http://localhost:9080/billing");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:9080/success?session_id={SESSION_ID}",
        "http://localhost:9080/success?session_id={checkout_session_id}",
        "http://localhost:9080/success?session_id={CHECKOUT_SESSION_ID",
        "http://localhost:9080/success?session_id={CHECKOUT_SESSION_ID}}",
        "http://localhost:9080/success?session_id={CHECKOUT_SESSION_ID}&x={y}",
        "http://localhost:9080/success?session_id={ CHECKOUT_SESSION_ID }",
      })
  void otherBracesAreStillNotAUrl(String url) {
    assertRefused("successUrl", url, "successUrl is not a URL");
  }

  @Test
  void thePlaceholderDoesNotOpenAnotherOrigin() {
    assertRefused(
        "successUrl",
        "https://evil.example/success?session_id={CHECKOUT_SESSION_ID}",
        "successUrl must be on an allowed origin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://{CHECKOUT_SESSION_ID}@localhost:9080/success",
        "http://localhost:9080{CHECKOUT_SESSION_ID}/success",
        "http://{CHECKOUT_SESSION_ID}/success",
      })
  void thePlaceholderMayNotStandInTheOrigin(String url) {
    assertThatThrownBy(() -> policy.require("successUrl", url))
        .isInstanceOf(CheckoutRefusedException.class);
  }

  @Test
  void onlyTheSuccessUrlMayCarryThePlaceholder() {
    // Stripe fills it in only in success_url; elsewhere it would reach the browser literally.
    assertRefused(
        "cancelUrl",
        "http://localhost:9080/billing?session_id={CHECKOUT_SESSION_ID}",
        "cancelUrl is not a URL");
    assertRefused(
        "returnUrl",
        "http://localhost:9080/billing?session_id={CHECKOUT_SESSION_ID}",
        "returnUrl is not a URL");
  }

  private void assertRefused(String field, String url, String message) {
    assertThatThrownBy(() -> policy.require(field, url))
        .isInstanceOf(CheckoutRefusedException.class)
        .hasMessageContaining(message);
  }
}
