package com.acme.billing.encryption;

import com.google.crypto.tink.KeysetHandle;
import jakarta.persistence.EntityManager;

/** Ciphers over keysets made in memory, for tests that run without a container. */
public final class TestCiphers {

  /** One keyset for a whole test run: what one store sealed, another opens. */
  public static final DataCipher SHARED = of(newKeyset());

  private TestCiphers() {}

  public static KeysetHandle newKeyset() {
    return KeysetLoader.parse(KeysetLoader.newKeysetJson(), "test keyset");
  }

  /** The start-up check of the keys against what is stored, over a test's entity manager. */
  public static KeyCanary canary(EntityManager em, DataCipher cipher) {
    KeyCanary canary = new KeyCanary();
    canary.em = em;
    canary.cipher = cipher;
    return canary;
  }

  public static KeysetHandle rotated(KeysetHandle keyset) throws Exception {
    return DataKeysCommand.rotate(keyset);
  }

  public static KeysetHandle retired(KeysetHandle keyset) throws Exception {
    return DataKeysCommand.retire(keyset);
  }

  public static DataCipher of(KeysetHandle keyset) {
    return new DataCipher(DataKeys.Keys.of(keyset));
  }
}
