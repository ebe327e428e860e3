package com.acme.billing.overage;

import com.acme.billing.encryption.DataCipher;
import jakarta.persistence.EntityManager;

/** An {@link OverageStore} over a test's entity manager and cipher. */
public final class TestOverageStores {

  private TestOverageStores() {}

  public static OverageStore on(EntityManager em, DataCipher cipher) {
    OverageStore store = new OverageStore();
    store.em = em;
    store.cipher = cipher;
    return store;
  }
}
