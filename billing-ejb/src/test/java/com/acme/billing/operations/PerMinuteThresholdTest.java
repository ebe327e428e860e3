package com.acme.billing.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerMinuteThresholdTest {

  private static final long MINUTE = 60_000L;

  @Test
  void theOccurrenceThatReachesTheThresholdReportsTheCountAndNoOtherDoes() {
    PerMinuteThreshold threshold = new PerMinuteThreshold(3);
    long t = 10 * MINUTE;

    assertThat(threshold.record(t)).isZero();
    assertThat(threshold.record(t + 1_000)).isZero();
    assertThat(threshold.record(t + 2_000)).isEqualTo(3);
    assertThat(threshold.record(t + 3_000)).isZero();
    assertThat(threshold.record(t + 59_999)).isZero();
  }

  @Test
  void eachClockMinuteCountsAfresh() {
    PerMinuteThreshold threshold = new PerMinuteThreshold(2);
    long t = 10 * MINUTE;

    threshold.record(t + 59_000);
    assertThat(threshold.record(t + MINUTE)).isZero();
    assertThat(threshold.record(t + MINUTE + 1)).isEqualTo(2);
  }

  @Test
  void aThresholdBelowOneCountsAsOne() {
    assertThat(new PerMinuteThreshold(0).record(MINUTE)).isEqualTo(1);
  }
}
