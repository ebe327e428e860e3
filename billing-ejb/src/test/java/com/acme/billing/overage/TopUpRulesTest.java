package com.acme.billing.overage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TopUpRulesTest {

  @Test
  void noPackIsNeededWhileTheWantedUseFitsTheEffectiveLimit() {
    assertThat(TopUpRules.packsNeeded(150, 150, 50)).isZero();
    assertThat(TopUpRules.packsNeeded(10, 150, 50)).isZero();
  }

  @Test
  void packsAreRoundedUpToCoverWhatIsOverTheLimit() {
    assertThat(TopUpRules.packsNeeded(151, 150, 50)).isEqualTo(1);
    assertThat(TopUpRules.packsNeeded(200, 150, 50)).isEqualTo(1);
    assertThat(TopUpRules.packsNeeded(201, 150, 50)).isEqualTo(2);
  }

  @Test
  void theCapAllowsAPackOnlyWhileTheMonthsSpendingStaysWithinIt() {
    assertThat(TopUpRules.withinCap(0, 1, 1000, 1000)).isTrue();
    assertThat(TopUpRules.withinCap(1000, 1, 1000, 1000)).isFalse();
    assertThat(TopUpRules.withinCap(1000, 1, 1000, 2500)).isTrue();
    assertThat(TopUpRules.withinCap(1000, 2, 1000, 2500)).isFalse();
    assertThat(TopUpRules.withinCap(0, 1, 1000, 0)).isFalse();
    assertThat(TopUpRules.withinCap(3000, 1, 1, 2000)).as("spent above a lowered cap").isFalse();
  }

  @Test
  void aPacksKeyNamesCustomerResourceMonthAndPackNumber() {
    Instant month = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(TopUpRules.key("cust_1", "build_hours", month, 3))
        .isEqualTo("topup_cust_1_build_hours_" + month.getEpochSecond() + "_3");
    assertThat(TopUpRules.key("cust_1", "build_hours", month, 3))
        .isEqualTo(TopUpRules.key("cust_1", "build_hours", month, 3))
        .isNotEqualTo(TopUpRules.key("cust_1", "build_hours", month, 4))
        .isNotEqualTo(TopUpRules.key("cust_1", "build_hours", month.plusSeconds(1), 3));
  }
}
