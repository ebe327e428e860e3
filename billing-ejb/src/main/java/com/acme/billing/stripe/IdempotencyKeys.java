package com.acme.billing.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys derived from the operation and every parameter: a retry of the same request
 * reuses its key (Stripe replays the first answer), a changed request gets a new one (Stripe
 * refuses a key reused with other parameters).
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  public static String of(String operation, String... parameters) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(operation.getBytes(StandardCharsets.UTF_8));
      for (String parameter : parameters) {
        digest.update((byte) 0);
        digest.update(String.valueOf(parameter).getBytes(StandardCharsets.UTF_8));
      }
      return operation + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
