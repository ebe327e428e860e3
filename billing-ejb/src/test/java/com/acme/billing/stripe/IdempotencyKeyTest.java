package com.acme.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One key per request, never one per operation and parameters (DESIGN.md, Stripe facts). */
class IdempotencyKeyTest {

  @Test
  void twoRequestsWithoutAClientKeyGetDifferentKeysForTheSameCall() {
    String first = IdempotencyKey.forRequest("cust_1", null).forCall("cancel");
    String second = IdempotencyKey.forRequest("cust_1", null).forCall("cancel");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theClientsKeyMakesARetriedRequestCarryTheSameKey() {
    assertThat(IdempotencyKey.forRequest("cust_1", "k-42").forCall("cancel"))
        .isEqualTo(IdempotencyKey.forRequest("cust_1", "k-42").forCall("cancel"));
  }

  @Test
  void twoCustomersSendingTheSameClientKeyNeverShareAStripeKey() {
    assertThat(IdempotencyKey.forRequest("cust_1", "k-42").forCall("cancel"))
        .isNotEqualTo(IdempotencyKey.forRequest("cust_2", "k-42").forCall("cancel"));
  }

  @Test
  void eachCallOfOneRequestHasItsOwnSuffix() {
    IdempotencyKey key = IdempotencyKey.forRequest("cust_1", null);
    assertThat(key.forCall("release-schedule")).isNotEqualTo(key.forCall("cancel"));
    assertThat(key.forCall("cancel")).startsWith(key.toString()).hasSizeLessThan(256);
  }

  @Test
  void aClientKeyNeverReachesStripeAsSent() {
    assertThat(IdempotencyKey.forRequest("cust_1", "my-secret-key").forCall("cancel"))
        .doesNotContain("my-secret-key");
  }
}
