package com.acme.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every subscription state of DESIGN.md, and the grace period's edges. */
class AccessRuleTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private final AccessRule rule = new AccessRule("FREE", Duration.ofDays(7));

  @ParameterizedTest(name = "{0} {1}, past due for {2} h -> {3} ({4})")
  @CsvSource({
    // tier,  status,             past due hours, granted, basis
    "FREE,    none,                             , FREE,    FREE",
    "PRO,     active,                           , PRO,     PAID",
    "PRO,     trialing,                         , PRO,     PAID",
    "PRO,     past_due,                        1, PRO,     GRACE",
    "PRO,     past_due,                      167, PRO,     GRACE",
    "PRO,     past_due,                      168, FREE,    INACTIVE",
    "PRO,     past_due,                      500, FREE,    INACTIVE",
    "PRO,     canceled,                         , FREE,    INACTIVE",
    "PRO,     unpaid,                           , FREE,    INACTIVE",
    "PRO,     incomplete_expired,               , FREE,    INACTIVE",
    "PRO,     incomplete,                       , FREE,    INACTIVE",
    "PRO,     paused,                           , FREE,    INACTIVE",
    "SCALE,   some_future_status,               , FREE,    INACTIVE",
    "FREE,    active,                           , FREE,    FREE",
  })
  void subscriptionStateDecidesTheGrantedTier(
      String tier, String status, Integer pastDueHours, String granted, Access.Basis basis) {
    Instant pastDueSince = pastDueHours == null ? null : NOW.minus(Duration.ofHours(pastDueHours));
    MirrorState state = new MirrorState(tier, status, "monthly", pastDueSince, null, null, false);

    Access access = rule.evaluate(state, NOW);

    assertThat(access.tierId()).isEqualTo(granted);
    assertThat(access.basis()).isEqualTo(basis);
    if (basis == Access.Basis.GRACE) {
      assertThat(access.graceUntil()).isEqualTo(pastDueSince.plus(Duration.ofDays(7)));
    } else {
      assertThat(access.graceUntil()).isNull();
    }
  }
}
