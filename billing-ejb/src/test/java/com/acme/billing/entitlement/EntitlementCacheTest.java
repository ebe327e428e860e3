package com.acme.billing.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EntitlementCacheTest {

  private static MirrorState pro(String status) {
    return new MirrorState("PRO", status, "monthly", null, null, null, false);
  }

  @Test
  void secondReadOfACustomerDoesNotLoadAgain() {
    EntitlementCache cache = new EntitlementCache();
    AtomicInteger loads = new AtomicInteger();
    cache.get(
        "a",
        id -> {
          loads.incrementAndGet();
          return pro("active");
        });
    MirrorState again =
        cache.get(
            "a",
            id -> {
              loads.incrementAndGet();
              return pro("canceled");
            });
    assertThat(loads).hasValue(1);
    assertThat(again.status()).isEqualTo("active");
  }

  @Test
  void invalidationDropsExactlyThatCustomer() {
    EntitlementCache cache = new EntitlementCache();
    cache.get("a", id -> pro("active"));
    cache.get("b", id -> pro("active"));
    cache.invalidate("a");
    assertThat(cache.get("a", id -> pro("canceled")).status()).isEqualTo("canceled");
    assertThat(cache.get("b", id -> pro("canceled")).status()).isEqualTo("active");
  }

  @Test
  void aLoadThatRacedWithAChangeIsNotKept() {
    EntitlementCache cache = new EntitlementCache();
    // The loader read the old state; the change commits and invalidates before it is stored.
    MirrorState stale =
        cache.get(
            "a",
            id -> {
              cache.invalidate("a");
              return pro("active");
            });
    assertThat(stale.status()).isEqualTo("active");
    assertThat(cache.get("a", id -> pro("canceled")).status()).isEqualTo("canceled");
  }
}
