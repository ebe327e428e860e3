package com.acme.billing.encryption;

import jakarta.ejb.ApplicationException;

/**
 * The data keys cannot be used: none configured where one is required, a keyset that cannot be
 * read, or one that cannot read what is stored. The message names the setting at fault and never
 * carries key material.
 *
 * <p>An application exception: it reaches callers of the module's beans as itself, and rolls back.
 */
@ApplicationException(rollback = true)
public class DataKeysException extends RuntimeException {

  public DataKeysException(String message) {
    super(message);
  }

  public DataKeysException(String message, Throwable cause) {
    super(message, cause);
  }
}
