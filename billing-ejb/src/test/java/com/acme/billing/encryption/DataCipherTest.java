package com.acme.billing.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sealing, opening, and what a rotation keeps readable. */
class DataCipherTest {

  private static final String PAYLOAD =
      "{\"email\":\"jenny.rosen@example.com\",\"name\":\"Jenny\"}";
  private static final String ROW = DataCipher.context("webhook_event", "payload", "evt_1");

  @Test
  void sealedBytesHoldNoneOfThePlaintextAndOpenToIt() {
    DataCipher cipher = TestCiphers.of(TestCiphers.newKeyset());

    byte[] sealed = cipher.seal(PAYLOAD, ROW);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain("jenny")
        .doesNotContain("email");
    assertThat(cipher.open(sealed, ROW)).isEqualTo(PAYLOAD);
  }

  @Test
  void aSealedValueDoesNotOpenInAnotherRow() {
    DataCipher cipher = TestCiphers.of(TestCiphers.newKeyset());
    byte[] sealed = cipher.seal(PAYLOAD, ROW);

    Throwable moved =
        catchThrowable(
            () -> cipher.open(sealed, DataCipher.context("webhook_event", "payload", "evt_2")));

    assertThat(moved).isInstanceOf(DataKeysException.class).hasMessageContaining("evt_2");
  }

  @Test
  void afterARotationNewValuesUseTheNewPrimaryAndOldOnesStillOpen() throws Exception {
    KeysetHandle before = TestCiphers.newKeyset();
    DataCipher old = TestCiphers.of(before);
    byte[] sealedBefore = old.seal(PAYLOAD, ROW);

    DataCipher rotated = TestCiphers.of(DataKeysCommand.rotate(before));
    byte[] sealedAfter = rotated.seal(PAYLOAD, ROW);

    assertThat(rotated.open(sealedBefore, ROW)).isEqualTo(PAYLOAD);
    assertThat(rotated.underPrimaryKey(sealedBefore)).isFalse();
    assertThat(rotated.underPrimaryKey(sealedAfter)).isTrue();
    assertThat(rotated.primaryKeyId()).isNotEqualTo(old.primaryKeyId());
  }

  @Test
  void aKeysetWithoutTheSealingKeyFailsNamingBothKeysNeverWithGarbage() {
    DataCipher writer = TestCiphers.of(TestCiphers.newKeyset());
    DataCipher other = TestCiphers.of(TestCiphers.newKeyset());
    byte[] sealed = writer.seal(PAYLOAD, ROW);

    Throwable wrongKey = catchThrowable(() -> other.open(sealed, ROW));

    assertThat(wrongKey)
        .isInstanceOf(DataKeysException.class)
        .hasMessageContaining("sealed under key " + writer.primaryKeyId())
        .hasMessageContaining("[" + other.primaryKeyId() + "]");
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    DataCipher cipher = TestCiphers.of(TestCiphers.newKeyset());
    byte[] sealed = cipher.seal(PAYLOAD, ROW);
    sealed[sealed.length - 1] ^= 1;

    assertThat(catchThrowable(() -> cipher.open(sealed, ROW)))
        .isInstanceOf(DataKeysException.class);
  }
}
