package com.acme.billing.webhook;

import static com.acme.billing.webhook.WebhookEventStatus.FAILED;
import static com.acme.billing.webhook.WebhookEventStatus.IGNORED;
import static com.acme.billing.webhook.WebhookEventStatus.PROCESSED;
import static com.acme.billing.webhook.WebhookEventStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookEventStatusTest {

  @Test
  void anAttemptInFlightSettlesToAnyOutcome() {
    assertThat(PROCESSING.mayMoveTo(PROCESSED)).isTrue();
    assertThat(PROCESSING.mayMoveTo(IGNORED)).isTrue();
    assertThat(PROCESSING.mayMoveTo(FAILED)).isTrue();
  }

  @Test
  void aFailedEventMovesForwardOrRecordsANewFailure() {
    assertThat(FAILED.mayMoveTo(PROCESSED)).isTrue();
    assertThat(FAILED.mayMoveTo(IGNORED)).isTrue();
    assertThat(FAILED.mayMoveTo(FAILED)).isTrue();
    assertThat(FAILED.mayMoveTo(PROCESSING)).as("a retry or replay starts").isTrue();
  }

  @Test
  void anIgnoredEventMayBeProcessedButNeverFails() {
    assertThat(IGNORED.mayMoveTo(PROCESSED)).isTrue();
    assertThat(IGNORED.mayMoveTo(IGNORED)).isTrue();
    assertThat(IGNORED.mayMoveTo(PROCESSING)).as("an admin replay starts").isTrue();
    assertThat(IGNORED.mayMoveTo(FAILED)).isFalse();
  }

  @Test
  void aProcessedEventNeverGoesBack() {
    assertThat(PROCESSED.mayMoveTo(FAILED)).isFalse();
    assertThat(PROCESSED.mayMoveTo(IGNORED)).isFalse();
    assertThat(PROCESSED.mayMoveTo(PROCESSING)).isFalse();
  }

  @Test
  void predecessorsAreTheStatusesAnOutcomeMayReplace() {
    assertThat(WebhookEventStatus.predecessorsOf(FAILED))
        .containsExactlyInAnyOrder(PROCESSING, FAILED);
    assertThat(WebhookEventStatus.predecessorsOf(IGNORED))
        .containsExactlyInAnyOrder(PROCESSING, FAILED, IGNORED);
    assertThat(WebhookEventStatus.predecessorsOf(PROCESSED))
        .containsExactlyInAnyOrder(PROCESSING, FAILED, IGNORED, PROCESSED);
    assertThat(WebhookEventStatus.predecessorsOf(PROCESSING))
        .containsExactlyInAnyOrder(PROCESSING, FAILED, IGNORED);
  }

  @Test
  void aDeliveryAppliesNewAndFailedEventsAndAReplayAlsoIgnoredOnes() {
    assertThat(WebhookEventStatus.shouldApply(Optional.empty(), false)).isTrue();
    assertThat(WebhookEventStatus.shouldApply(Optional.of("failed"), false)).isTrue();
    assertThat(WebhookEventStatus.shouldApply(Optional.of("ignored"), false)).isFalse();
    assertThat(WebhookEventStatus.shouldApply(Optional.of("processed"), false)).isFalse();

    assertThat(WebhookEventStatus.shouldApply(Optional.of("failed"), true)).isTrue();
    assertThat(WebhookEventStatus.shouldApply(Optional.of("ignored"), true)).isTrue();
    assertThat(WebhookEventStatus.shouldApply(Optional.of("processed"), true)).isFalse();
    assertThat(WebhookEventStatus.shouldApply(Optional.of("something-else"), true)).isFalse();
  }

  @Test
  void codesAreTheStoredValues() {
    assertThat(PROCESSED.code()).isEqualTo(WebhookStore.PROCESSED);
    assertThat(IGNORED.code()).isEqualTo(WebhookStore.IGNORED);
    assertThat(FAILED.code()).isEqualTo(WebhookStore.FAILED);
    assertThat(PROCESSING.code()).isEqualTo(StripeEventApplier.PROCESSING);
    assertThat(WebhookEventStatus.of("processed")).contains(PROCESSED);
  }
}
