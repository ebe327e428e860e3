package com.acme.billing.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.subscription.MirrorState;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EntitlementCacheTest {

  private static MirrorState pro(String status) {
    return new MirrorState("PRO", status, "monthly", null, null, null, false);
  }

  @Test
  void secondReadOfACustomerDoesNotLoadAgain() {
    EntitlementCache cache = new EntitlementCache(1_000);
    AtomicInteger loads = new AtomicInteger();
    cache.get(
        "a",
        id -> {
          loads.incrementAndGet();
          return List.of(pro("active"));
        });
    List<MirrorState> again =
        cache.get(
            "a",
            id -> {
              loads.incrementAndGet();
              return List.of(pro("canceled"));
            });
    assertThat(loads).hasValue(1);
    assertThat(again.get(0).status()).isEqualTo("active");
  }

  @Test
  void invalidationDropsExactlyThatCustomer() {
    EntitlementCache cache = new EntitlementCache(1_000);
    cache.get("a", id -> List.of(pro("active")));
    cache.get("b", id -> List.of(pro("active")));
    cache.invalidate("a");
    assertThat(cache.get("a", id -> List.of(pro("canceled"))).get(0).status())
        .isEqualTo("canceled");
    assertThat(cache.get("b", id -> List.of(pro("canceled"))).get(0).status()).isEqualTo("active");
  }

  @Test
  void aLoadThatRacedWithAChangeIsNotKept() {
    EntitlementCache cache = new EntitlementCache(1_000);
    // The loader read the old state; the change commits and invalidates before it is stored.
    List<MirrorState> stale =
        cache.get(
            "a",
            id -> {
              cache.invalidate("a");
              return List.of(pro("active"));
            });
    assertThat(stale.get(0).status()).isEqualTo("active");
    assertThat(cache.get("a", id -> List.of(pro("canceled"))).get(0).status())
        .isEqualTo("canceled");
  }

  @Test
  void theCacheHoldsNoMoreCustomersThanConfiguredAndStillAnswersEvictedOnes() {
    EntitlementCache cache = new EntitlementCache(10);
    for (int i = 0; i < 200; i++) {
      cache.get("c" + i, id -> List.of(pro("active")));
    }

    assertThat(cache.size()).isLessThanOrEqualTo(10);
    assertThat(cache.get("c0", id -> List.of(pro("past_due"))).get(0).status())
        .isIn("active", "past_due");
  }

  @Test
  void aLoadThatRacedWithInvalidatingEverythingIsNotKept() {
    EntitlementCache cache = new EntitlementCache(1_000);
    cache.get(
        "a",
        id -> {
          cache.invalidateAll();
          return List.of(pro("active"));
        });

    assertThat(cache.get("a", id -> List.of(pro("canceled"))).get(0).status())
        .isEqualTo("canceled");
  }
}
