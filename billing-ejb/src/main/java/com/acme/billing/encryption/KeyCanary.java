package com.acme.billing.encryption;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Proves at start that the configured keyset can open the data already stored: a known value,
 * sealed when the first start wrote it and renewed by each re-encryption, must open. A keyset that
 * cannot (another key, an old key removed before the data was re-encrypted) is refused with a
 * message instead of failing later on each row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KeyCanary {

  static final String VALUE = "billing data key canary";
  static final String CONTEXT = DataCipher.context("data_key_canary", "sealed", "1");

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject DataCipher cipher;

  /**
   * Opens the canary, or writes it under the primary key if there is none yet.
   *
   * @throws DataKeysException naming the settings when the keyset cannot open it
   */
  public void verify() {
    cipher.primaryKeyId(); // loads the keys: a missing or unreadable keyset fails as itself
    DataKeyCanary canary = em.find(DataKeyCanary.class, DataKeyCanary.ID);
    if (canary == null) {
      em.persist(new DataKeyCanary(cipher.seal(VALUE, CONTEXT), Instant.now()));
      return; // two first starts at once: one insert fails and that start retries
    }
    open(canary);
  }

  /** Seals the canary under the current primary key (the end of a re-encryption). */
  public void renew() {
    DataKeyCanary canary =
        em.find(DataKeyCanary.class, DataKeyCanary.ID, LockModeType.PESSIMISTIC_WRITE);
    if (canary == null) {
      em.persist(new DataKeyCanary(cipher.seal(VALUE, CONTEXT), Instant.now()));
    } else if (!cipher.underPrimaryKey(canary.sealed())) {
      open(canary);
      canary.reseal(cipher.seal(VALUE, CONTEXT), Instant.now());
    }
  }

  private void open(DataKeyCanary canary) {
    String opened;
    try {
      opened = cipher.open(canary.sealed(), CONTEXT);
    } catch (DataKeysException e) {
      throw new DataKeysException(
          "the configured data keys ("
              + KeysetLoader.describe(KeysetLoader.INLINE, KeysetLoader.INLINE_ENV)
              + " or "
              + KeysetLoader.describe(KeysetLoader.FILE, KeysetLoader.FILE_ENV)
              + ") cannot decrypt the billing data this database holds: "
              + e.getMessage()
              + ". Configure the keyset the data was written with; when rotating, keep the old key"
              + " in the keyset until the re-encryption has run");
    }
    if (!VALUE.equals(opened)) {
      throw new DataKeysException("the data key canary opened to an unexpected value");
    }
  }
}
