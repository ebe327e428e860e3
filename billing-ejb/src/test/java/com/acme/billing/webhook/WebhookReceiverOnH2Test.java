package com.acme.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.billing.api.InvalidWebhookException;
import com.acme.billing.api.StripeWebhooks.WebhookReceipt;
import com.acme.billing.api.TransientFailures;
import com.acme.billing.api.WebhookFailedException;
import com.acme.billing.encryption.TestCiphers;
import com.acme.billing.operations.BillingFact;
import com.acme.billing.operations.RecordedFacts;
import com.acme.billing.persistence.LockTimeout;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PessimisticLockException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery and admin replay through {@link WebhookReceiver} and {@link StripeEventApplier} on H2:
 * which stored events are applied again, and what an event of another API version becomes.
 */
class WebhookReceiverOnH2Test {

  private static final String SECRET = "whsec_unit";
  private static final String OTHER_VERSION = "2025-03-31.basil";

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anEventOfAnotherApiVersionIsAcknowledgedAndStoredAsIgnoredNamingBothVersions() {
    String payload =
        event("evt_v", "customer.subscription.created", OTHER_VERSION, fixture("subscription"));

    WebhookReceipt receipt = receiver().receive(payload, sign(payload));

    assertThat(receipt.outcome()).isEqualTo(WebhookStore.IGNORED);
    String[] row = db.row("evt_v");
    assertThat(row[0]).isEqualTo(WebhookStore.IGNORED);
    assertThat(row[1]).contains(OTHER_VERSION).contains(Stripe.API_VERSION);
  }

  @Test
  void aRedeliveryOfAnIgnoredEventIsADuplicate() {
    String payload = event("evt_u", "plan.created", Stripe.API_VERSION, fixture("customer"));
    assertThat(receiver().receive(payload, sign(payload)).outcome())
        .isEqualTo(WebhookStore.IGNORED);

    assertThat(receiver().receive(payload, sign(payload)).outcome())
        .isEqualTo(StripeEventApplier.DUPLICATE);
  }

  @Test
  void anAdminReplaysAnIgnoredEventOnceTheProductHandlesItsType() {
    // Stored as ignored by a release that did not handle invoice.payment_action_required yet.
    String payload =
        event("evt_i", "invoice.payment_action_required", Stripe.API_VERSION, fixture("customer"));
    db.run(
        em ->
            store(em)
                .save(
                    "evt_i",
                    "invoice.payment_action_required",
                    1,
                    Stripe.API_VERSION,
                    payload,
                    WebhookStore.IGNORED,
                    "event type not handled",
                    false));

    WebhookReceipt replayed = receiver().processing.replay("evt_i");

    assertThat(replayed.outcome()).isEqualTo(WebhookStore.PROCESSED);
    assertThat(db.row("evt_i")[0]).isEqualTo(WebhookStore.PROCESSED);
  }

  @Test
  void replayingAProcessedEventIsADuplicateAndChangesNothing() {
    String payload =
        event("evt_p", "invoice.payment_action_required", Stripe.API_VERSION, fixture("customer"));
    assertThat(receiver().receive(payload, sign(payload)).outcome())
        .isEqualTo(WebhookStore.PROCESSED);

    assertThat(receiver().processing.replay("evt_p").outcome())
        .isEqualTo(StripeEventApplier.DUPLICATE);
    assertThat(db.row("evt_p")[0]).isEqualTo(WebhookStore.PROCESSED);
  }

  @Test
  void aDeliveryWhoseSignatureDoesNotVerifyIsAnnouncedWithItsReasonAndStoresNothing() {
    String payload = event("evt_s", "plan.created", Stripe.API_VERSION, fixture("customer"));
    WebhookReceiver receiver = receiver();

    InvalidWebhookException refused =
        catchThrowableOfType(
            InvalidWebhookException.class,
            () -> receiver.receive(payload, "t=" + Instant.now().getEpochSecond() + ",v1=00"));

    assertThat(refused.reason()).isEqualTo(InvalidWebhookException.Reason.SIGNATURE_MISMATCH);
    assertThat(((RecordedFacts) receiver.facts).fired())
        .containsExactly(new BillingFact.WebhookSignatureRefused("signature_mismatch"));
    assertThat(
            db.<Number>call(
                em ->
                    (Number)
                        em.createNativeQuery(
                                "select count(*) from billing.webhook_event where event_id = 'evt_s'")
                            .getSingleResult()))
        .isEqualTo(0L);
  }

  @Test
  void eachFailedDeliveryOfAStoredEventIsCountedAndAnnounced() {
    String payload = event("evt_n", "plan.created", Stripe.API_VERSION, fixture("customer"));
    WebhookReceiver failing =
        receiver(
            (event, p, replay) -> {
              throw new IllegalStateException("boom");
            });

    for (int delivery = 1; delivery <= 3; delivery++) {
      catchThrowableOfType(
          WebhookFailedException.class, () -> failing.receive(payload, sign(payload)));
    }

    assertThat(((RecordedFacts) failing.processing.facts).fired())
        .containsExactly(
            new BillingFact.WebhookEventFailed("evt_n", "plan.created", 1),
            new BillingFact.WebhookEventFailed("evt_n", "plan.created", 2),
            new BillingFact.WebhookEventFailed("evt_n", "plan.created", 3));
  }

  @Test
  void aReplayOfAnIgnoredEventThatFailsLeavesItIgnoredAndIsRefused() {
    String payload = event("evt_f", "plan.created", Stripe.API_VERSION, fixture("customer"));
    assertThat(receiver().receive(payload, sign(payload)).outcome())
        .isEqualTo(WebhookStore.IGNORED);

    WebhookFailedException refused =
        catchThrowableOfType(
            WebhookFailedException.class,
            () ->
                receiver(
                        (event, p, replay) -> {
                          throw new IllegalStateException("boom");
                        })
                    .processing
                    .replay("evt_f"));

    assertThat(refused.eventId()).isEqualTo("evt_f");
    assertThat(refused.isTransient()).isFalse();
    assertThat(db.row("evt_f")).containsExactly(WebhookStore.IGNORED, "event type not handled");
  }

  @Test
  void aLockTimeoutIsStoredAsFailedAndMarkedTransient() {
    String payload =
        event("evt_l", "invoice.payment_action_required", Stripe.API_VERSION, fixture("customer"));

    WebhookFailedException refused =
        catchThrowableOfType(
            WebhookFailedException.class,
            () ->
                receiver(
                        (event, p, replay) -> {
                          throw new jakarta.ejb.EJBTransactionRolledbackException(
                              "rolled back", new PessimisticLockException("locked"));
                        })
                    .receive(payload, sign(payload)));

    assertThat(refused.isTransient()).isTrue();
    assertThat(db.row("evt_l")[0]).isEqualTo(WebhookStore.FAILED);
  }

  @Test
  void anOrdinaryFailureIsStoredAsFailedAndNotMarkedTransient() {
    String payload =
        event("evt_o", "invoice.payment_action_required", Stripe.API_VERSION, fixture("customer"));

    WebhookFailedException refused =
        catchThrowableOfType(
            WebhookFailedException.class,
            () ->
                receiver(
                        (event, p, replay) -> {
                          throw new IllegalStateException("price not configured");
                        })
                    .receive(payload, sign(payload)));

    assertThat(refused.isTransient()).isFalse();
    assertThat(db.row("evt_o"))
        .containsExactly(
            WebhookStore.FAILED,
            "The event could not be applied; the server log has the cause under event evt_o.");
  }

  @Test
  void aSlowDeliveryFailingAfterAConcurrentOneSucceededIsAcknowledgedAsADuplicate() {
    String payload =
        event("evt_s", "invoice.payment_action_required", Stripe.API_VERSION, fixture("customer"));

    WebhookReceipt slow =
        receiver(
                (event, p, replay) -> {
                  // Meanwhile the other delivery applies the event and commits.
                  assertThat(receiver().receive(payload, sign(payload)).outcome())
                      .isEqualTo(WebhookStore.PROCESSED);
                  throw new IllegalStateException("duplicate key");
                })
            .receive(payload, sign(payload));

    assertThat(slow.outcome()).isEqualTo(StripeEventApplier.DUPLICATE);
    assertThat(db.row("evt_s")).containsExactly(WebhookStore.PROCESSED, "recorded");
  }

  @Test
  void aFailureThatCannotBeRecordedIsNotAnsweredAsStored() {
    String payload =
        event("evt_n", "invoice.payment_action_required", Stripe.API_VERSION, fixture("customer"));
    WebhookReceiver receiver =
        receiver(
            (event, p, replay) -> {
              throw new IllegalStateException("boom");
            });
    EntityManager reads = receiver.processing.store.em;
    receiver.processing.store =
        new WebhookStore() {
          @Override
          public String saveFailure(
              String eventId,
              String type,
              long created,
              String apiVersion,
              String payload,
              String detail) {
            throw new PessimisticLockException("the event's row is still locked");
          }
        };
    receiver.processing.store.em = reads;
    receiver.processing.store.cipher = TestCiphers.SHARED;

    Throwable thrown = catchThrowable(() -> receiver.receive(payload, sign(payload)));

    assertThat(thrown).isInstanceOf(PessimisticLockException.class);
    assertThat(thrown.getSuppressed()).hasSize(1);
    assertThat(TransientFailures.isTransient(thrown)).isTrue();
  }

  /**
   * The receiver wired as the container wires it: it runs without a transaction, the applier in a
   * transaction of its own that a runtime exception rolls back, and the failure record in another.
   */
  private WebhookReceiver receiver() {
    return receiver(
        (event, payload, replay) ->
            db.call(
                em -> {
                  StripeEventApplier inTransaction = new StripeEventApplier();
                  inTransaction.store = store(em);
                  inTransaction.facts = new RecordedFacts();
                  return inTransaction.apply(event, payload, replay);
                }));
  }

  /** What the applier does in its transaction; a runtime exception rolls it back. */
  interface Applying {
    String apply(Event event, String payload, boolean replay);
  }

  private WebhookReceiver receiver(Applying applying) {
    EntityManager reads = db.emf.createEntityManager();
    WebhookStore store =
        new WebhookStore() {
          @Override
          public String saveFailure(
              String eventId,
              String type,
              long created,
              String apiVersion,
              String payload,
              String detail) {
            return db.call(
                em -> store(em).saveFailure(eventId, type, created, apiVersion, payload, detail));
          }
        };
    store.em = reads;
    store.cipher = TestCiphers.SHARED;
    StripeEventApplier applier =
        new StripeEventApplier() {
          @Override
          public String apply(Event event, String payload, boolean replay) {
            return applying.apply(event, payload, replay);
          }
        };
    WebhookSecrets secrets = new WebhookSecrets();
    secrets.configured = Optional.of(SECRET);
    secrets.single = Optional.empty();
    secrets.sandboxEnabled = false;
    secrets.apiKey = Optional.empty();
    secrets.toleranceSeconds = 300;
    WebhookReceiver receiver = new WebhookReceiver();
    receiver.processing = new WebhookProcessing();
    receiver.processing.store = store;
    receiver.processing.applier = applier;
    receiver.processing.facts = new RecordedFacts();
    receiver.secrets = secrets;
    receiver.facts = new RecordedFacts();
    return receiver;
  }

  static WebhookStore store(EntityManager em) {
    WebhookStore store = new WebhookStore();
    store.em = em;
    store.lockTimeout = LockTimeout.ofMillis(1000);
    store.cipher = TestCiphers.SHARED;
    return store;
  }

  static String event(String id, String type, String apiVersion, JsonObject object) {
    JsonObject data = new JsonObject();
    data.add("object", object);
    JsonObject event = new JsonObject();
    event.addProperty("id", id);
    event.addProperty("object", "event");
    event.addProperty("api_version", apiVersion);
    event.addProperty("created", Instant.now().getEpochSecond());
    event.add("data", data);
    event.addProperty("livemode", false);
    event.addProperty("pending_webhooks", 1);
    event.addProperty("type", type);
    return event.toString();
  }

  static JsonObject fixture(String name) {
    try (InputStream in =
        WebhookReceiverOnH2Test.class.getResourceAsStream("/stripe/" + name + ".json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sign(String payload) {
    try {
      return Webhook.Signature.generateSignatureHeader(
          payload, SECRET, Instant.now().getEpochSecond());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
