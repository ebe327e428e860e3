package com.acme.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stored event's status only moves forward, whatever order the outcomes arrive in. */
class WebhookStoreOnH2Test {

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aSlowDuplicateFailingAfterTheFirstSucceededLeavesTheEventProcessed() {
    insert("evt_1", WebhookStore.PROCESSED, null);

    db.run(em -> store(em).saveFailure("evt_1", "t", 1, "v", "{}", "boom"));

    assertThat(db.row("evt_1")).containsExactly(WebhookStore.PROCESSED, null);
  }

  @Test
  void aFailureDoesNotOverwriteAnIgnoredEvent() {
    insert("evt_1", WebhookStore.IGNORED, "event type not handled");

    db.run(em -> store(em).saveFailure("evt_1", "t", 1, "v", "{}", "boom"));

    assertThat(db.row("evt_1")).containsExactly(WebhookStore.IGNORED, "event type not handled");
  }

  @Test
  void aFailureIsStoredForANewEventAndRefreshedForAFailedOne() {
    db.run(em -> store(em).saveFailure("evt_1", "t", 1, "v", "{}", "first"));
    assertThat(db.row("evt_1")).containsExactly(WebhookStore.FAILED, "first");

    db.run(em -> store(em).saveFailure("evt_1", "t", 1, "v", "{}", "second"));
    assertThat(db.row("evt_1")).containsExactly(WebhookStore.FAILED, "second");
  }

  @Test
  void aProcessedEventNeverGoesBackToProcessingOrFailed() {
    insert("evt_1", WebhookStore.PROCESSED, null);

    db.run(em -> save(em, "evt_1", "processing", null));
    db.run(em -> save(em, "evt_1", WebhookStore.FAILED, "late"));
    db.run(em -> save(em, "evt_1", WebhookStore.IGNORED, "late"));

    assertThat(db.row("evt_1")).containsExactly(WebhookStore.PROCESSED, null);
  }

  @Test
  void anIgnoredEventMayBeProcessedLaterButNeverFails() {
    insert("evt_1", WebhookStore.IGNORED, "event type not handled");

    db.run(em -> save(em, "evt_1", WebhookStore.FAILED, "late"));
    assertThat(db.row("evt_1")).containsExactly(WebhookStore.IGNORED, "event type not handled");

    db.run(em -> save(em, "evt_1", WebhookStore.PROCESSED, null));
    assertThat(db.row("evt_1")).containsExactly(WebhookStore.PROCESSED, null);
  }

  @Test
  void aFailedEventIsProcessedOrIgnoredByARetry() {
    insert("evt_1", WebhookStore.FAILED, "boom");
    db.run(em -> save(em, "evt_1", "processing", null));
    db.run(em -> save(em, "evt_1", WebhookStore.PROCESSED, null));
    assertThat(db.row("evt_1")).containsExactly(WebhookStore.PROCESSED, null);

    insert("evt_2", WebhookStore.FAILED, "boom");
    db.run(em -> save(em, "evt_2", WebhookStore.IGNORED, "event type not handled"));
    assertThat(db.row("evt_2")).containsExactly(WebhookStore.IGNORED, "event type not handled");
  }

  private void insert(String eventId, String status, String detail) {
    db.run(em -> store(em).save(eventId, "t", 1, "v", "{}", status, detail, /* exists= */ false));
  }

  private static void save(EntityManager em, String eventId, String status, String detail) {
    store(em).save(eventId, "t", 1, "v", "{}", status, detail, /* exists= */ true);
  }

  private static WebhookStore store(EntityManager em) {
    return WebhookReceiverOnH2Test.store(em);
  }
}
