package com.acme.billing.reencryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.billing.api.DataKeyAdministration.ReEncryption;
import com.acme.billing.encryption.DataCipher;
import com.acme.billing.encryption.DataKeysException;
import com.acme.billing.encryption.KeyCanary;
import com.acme.billing.encryption.ResealBatch;
import com.acme.billing.encryption.TestCiphers;
import com.acme.billing.overage.OverageSetting;
import com.acme.billing.overage.OverageStore;
import com.acme.billing.overage.OverageTerms;
import com.acme.billing.overage.TestOverageStores;
import com.acme.billing.webhook.BillingH2;
import com.acme.billing.webhook.TestWebhookStores;
import com.acme.billing.webhook.WebhookStore;
import com.google.crypto.tink.KeysetHandle;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Billing data at rest on a real database (H2): what the tables hold is sealed, a rotation keeps
 * old rows readable, the re-encryption moves everything to the new key (plaintext rows from before
 * encryption too), and a wrong key is refused by the canary with a message.
 */
class ReEncryptionOnH2Test {

  private static final String PAYLOAD =
      "{\"id\":\"evt_1\",\"data\":{\"object\":{\"email\":\"jenny.rosen@example.com\"}}}";

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void webhookPayloadsAndOverageTermsAreStoredSealedAndReadBackOpened() {
    DataCipher cipher = TestCiphers.of(TestCiphers.newKeyset());

    db.run(
        em -> webhooks(em, cipher).save("evt_1", "t", 1, "v", PAYLOAD, "processed", null, false));
    db.run(
        em -> {
          OverageStore store = overage(em, cipher);
          store.change(
              store.forChange("cus_1", "build_hours"),
              new OverageTerms(true, 4321),
              "cus_1",
              Instant.now());
        });

    Object[] event =
        row("select payload, payload_sealed from billing.webhook_event where event_id = 'evt_1'");
    assertThat(event[0]).isNull();
    assertThat(text((byte[]) event[1])).doesNotContain("jenny.rosen").doesNotContain("evt_1");
    Object[] setting =
        row("select enabled, monthly_cap_cents, terms_sealed from billing.overage_setting");
    assertThat(setting[0]).isNull();
    assertThat(setting[1]).isNull();
    assertThat(text((byte[]) setting[2])).doesNotContain("4321").doesNotContain("enabled");

    assertThat(db.<Optional<String>>call(em -> webhooks(em, cipher).payload("evt_1")))
        .contains(PAYLOAD);
    assertThat(db.<OverageTerms>call(em -> terms(overage(em, cipher), "cus_1")))
        .isEqualTo(new OverageTerms(true, 4321));
  }

  @Test
  void aSealedValueCopiedIntoAnotherRowDoesNotOpen() {
    DataCipher cipher = TestCiphers.of(TestCiphers.newKeyset());
    db.run(
        em -> webhooks(em, cipher).save("evt_1", "t", 1, "v", PAYLOAD, "processed", null, false));
    db.run(em -> webhooks(em, cipher).save("evt_2", "t", 1, "v", "{}", "processed", null, false));
    db.run(
        em ->
            em.createNativeQuery(
                    "update billing.webhook_event set payload_sealed = (select payload_sealed from"
                        + " billing.webhook_event where event_id = 'evt_1') where event_id = 'evt_2'")
                .executeUpdate());

    assertThat(catchThrowable(() -> db.call(em -> webhooks(em, cipher).payload("evt_2"))))
        .isInstanceOf(DataKeysException.class);
  }

  @Test
  void afterARotationOldRowsStayReadableAndTheReEncryptionLetsTheOldKeyGo() throws Exception {
    KeysetHandle first = TestCiphers.newKeyset();
    DataCipher before = TestCiphers.of(first);
    db.run(em -> TestCiphers.canary(em, before).verify());
    db.run(
        em -> webhooks(em, before).save("evt_1", "t", 1, "v", PAYLOAD, "processed", null, false));
    insertPlaintextRowsFromBeforeEncryption();

    KeysetHandle rotated = TestCiphers.rotated(first);
    DataCipher after = TestCiphers.of(rotated);
    assertThat(db.<Optional<String>>call(em -> webhooks(em, after).payload("evt_1")))
        .contains(PAYLOAD);
    assertThat(db.<Optional<String>>call(em -> webhooks(em, after).payload("evt_0")))
        .contains("{\"legacy\":true}");

    ReEncryption done = service(after).reEncrypt();

    assertThat(done.primaryKeyId()).isEqualTo(after.primaryKeyId());
    assertThat(done.webhookEvents()).isEqualTo(2);
    assertThat(done.overageSettings()).isEqualTo(1);
    ReEncryption again = service(after).reEncrypt();
    assertThat(again.webhookEvents()).isZero();
    assertThat(again.overageSettings()).isZero();

    DataCipher newKeyOnly = TestCiphers.of(TestCiphers.retired(rotated));
    db.run(em -> TestCiphers.canary(em, newKeyOnly).verify());
    assertThat(db.<Optional<String>>call(em -> webhooks(em, newKeyOnly).payload("evt_1")))
        .contains(PAYLOAD);
    assertThat(db.<Optional<String>>call(em -> webhooks(em, newKeyOnly).payload("evt_0")))
        .contains("{\"legacy\":true}");
    assertThat(db.<OverageTerms>call(em -> terms(overage(em, newKeyOnly), "cus_0")))
        .isEqualTo(new OverageTerms(true, 900));
    assertThat(
            row("select payload, event_id from billing.webhook_event where event_id = 'evt_0'")[0])
        .isNull();
  }

  @Test
  void aKeysetThatCannotOpenTheStoredDataIsRefusedNamingTheSettingNotWithGarbage() {
    DataCipher writer = TestCiphers.of(TestCiphers.newKeyset());
    DataCipher stranger = TestCiphers.of(TestCiphers.newKeyset());
    db.run(em -> TestCiphers.canary(em, writer).verify());

    Throwable refused =
        catchThrowable(() -> db.run(em -> TestCiphers.canary(em, stranger).verify()));

    assertThat(refused)
        .isInstanceOf(DataKeysException.class)
        .hasMessageContaining("billing.data.keys (BILLING_DATA_KEYS)")
        .hasMessageContaining("cannot decrypt the billing data this database holds")
        .hasMessageContaining("sealed under key " + writer.primaryKeyId());
    db.run(em -> TestCiphers.canary(em, writer).verify());
  }

  private void insertPlaintextRowsFromBeforeEncryption() {
    db.run(
        em -> {
          em.createNativeQuery(
                  "insert into billing.webhook_event (event_id, event_type, created, payload,"
                      + " status, received_at) values ('evt_0', 't', 1, '{\"legacy\":true}',"
                      + " 'processed', current_timestamp)")
              .executeUpdate();
          em.createNativeQuery(
                  "insert into billing.overage_setting (customer_id, resource, enabled,"
                      + " monthly_cap_cents, updated_at, updated_by) values ('cus_0',"
                      + " 'build_hours', true, 900, current_timestamp, 'cus_0')")
              .executeUpdate();
        });
  }

  private ReEncryptionService service(DataCipher cipher) {
    ReEncryptionService service = new ReEncryptionService();
    service.cipher = cipher;
    service.batches =
        new ReEncryptionBatches() {
          @Override
          public ResealBatch<String> webhookEvents(String after) {
            return db.call(em -> webhooks(em, cipher).resealAfter(after));
          }

          @Override
          public ResealBatch<OverageSetting.Key> overageSettings(OverageSetting.Key after) {
            return db.call(em -> overage(em, cipher).resealAfter(after));
          }
        };
    service.canary =
        new KeyCanary() {
          @Override
          public void renew() {
            db.run(em -> TestCiphers.canary(em, cipher).renew());
          }
        };
    return service;
  }

  private static WebhookStore webhooks(EntityManager em, DataCipher cipher) {
    return TestWebhookStores.on(em, cipher);
  }

  private static OverageStore overage(EntityManager em, DataCipher cipher) {
    return TestOverageStores.on(em, cipher);
  }

  private static OverageTerms terms(OverageStore store, String customerId) {
    return store.terms(store.settings(customerId).get(0));
  }

  private Object[] row(String sql) {
    return db.call(em -> (Object[]) em.createNativeQuery(sql).getSingleResult());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
