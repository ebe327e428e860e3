package com.acme.billing.webhook;

import com.acme.billing.encryption.DataCipher;
import com.acme.billing.persistence.LockTimeout;
import jakarta.persistence.EntityManager;

/** A {@link WebhookStore} over a test's entity manager and cipher. */
public final class TestWebhookStores {

  private TestWebhookStores() {}

  public static WebhookStore on(EntityManager em, DataCipher cipher) {
    WebhookStore store = new WebhookStore();
    store.em = em;
    store.lockTimeout = LockTimeout.ofMillis(1000);
    store.cipher = cipher;
    return store;
  }
}
