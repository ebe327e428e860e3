package com.acme.billing.api;

import jakarta.ejb.Local;

/**
 * The data keys' one operation for admins: after a rotation (a new primary key in the keyset), seal
 * everything stored under an older key, or still in plaintext from before encryption at rest, under
 * the primary key. Safe to run while the product serves and to run again.
 */
@Local
public interface DataKeyAdministration {

  /**
   * What a re-encryption did: the key everything is now sealed under, and per table how many rows
   * were in plaintext or under an older key and are now sealed under it.
   */
  record ReEncryption(String primaryKeyId, long webhookEvents, long overageSettings) {}

  ReEncryption reEncrypt();
}
