package com.acme.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.billing.api.TransientFailures;
import com.acme.billing.persistence.LockTimeout;
import com.acme.billing.persistence.Timestamps;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  @Test
  void lockStatusHoldsTheEventRowSoASecondLockerTimesOutAsATransientFailure() {
    insert("evt_1", WebhookStore.FAILED, "boom");
    EntityManager holder = db.emf.createEntityManager();
    EntityManager waiter = db.emf.createEntityManager();
    try {
      holder.getTransaction().begin();
      assertThat(store(holder).lockStatus("evt_1")).contains(WebhookStore.FAILED);

      waiter.getTransaction().begin();
      WebhookStore waiting = store(waiter);
      waiting.lockTimeout = LockTimeout.ofMillis(300);
      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> waiting.lockStatus("evt_1"));
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(failure).isNotNull();
      assertThat(TransientFailures.isTransient(failure)).as("%s", failure).isTrue();
      assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    } finally {
      waiter.getTransaction().rollback();
      holder.getTransaction().rollback();
      waiter.close();
      holder.close();
    }
  }

  @Test
  void aNewOutcomeIsStampedWithTheTimeItWasWritten() {
    insert("evt_1", WebhookStore.FAILED, "boom");
    Instant before = Instant.now().minusSeconds(1);

    db.run(em -> save(em, "evt_1", WebhookStore.PROCESSED, null));

    Instant processedAt =
        db.call(
            em ->
                Timestamps.toInstant(
                    em.createNativeQuery(
                            "select processed_at from billing.webhook_event where event_id = ?1")
                        .setParameter(1, "evt_1")
                        .getSingleResult()));
    assertThat(processedAt).isAfter(before).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void storedEventsAreListedByStatusNewestFirstWithoutTheirPayload() throws InterruptedException {
    insert("evt_1", WebhookStore.FAILED, "first");
    Thread.sleep(5); // distinct receipt times
    insert("evt_2", WebhookStore.PROCESSED, null);
    Thread.sleep(5);
    insert("evt_3", WebhookStore.FAILED, "third");

    var failed =
        db.<List<WebhookStore.StoredEvent>>call(em -> store(em).list(WebhookStore.FAILED, 10));

    assertThat(failed)
        .extracting(WebhookStore.StoredEvent::eventId)
        .containsExactly("evt_3", "evt_1");
    assertThat(failed.get(0).detail()).isEqualTo("third");
    assertThat(failed.get(0).created()).isEqualTo(1);
    assertThat(failed.get(0).receivedAt()).isNotNull();
    assertThat(db.<Optional<String>>call(em -> store(em).payload("evt_2"))).contains("{}");
    assertThat(db.<Optional<String>>call(em -> store(em).status("evt_2")))
        .contains(WebhookStore.PROCESSED);
    assertThat(db.<Optional<String>>call(em -> store(em).status("evt_9"))).isEmpty();
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
