package com.acme.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitBackoffTest {

  @Test
  void waitsDoubleAndStopAfterTheConfiguredRetries() {
    RateLimitBackoff backoff = new RateLimitBackoff(3, Duration.ofMillis(500));
    assertThat(backoff.waitBefore(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.waitBefore(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.waitBefore(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.waitBefore(3)).isNull();
  }

  @Test
  void noBackoffRetriesNothing() {
    RateLimitBackoff none = new RateLimitBackoff(0, Duration.ofMillis(500));
    assertThat(none.waitBefore(0)).isNull();
    assertThat(none.waitBeforeRetry(0)).isFalse();
  }
}
