package com.acme.billing.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The idempotency key of one request to this server: the client's {@code Idempotency-Key} header
 * where one was sent (scoped to the customer, so two customers' keys never meet at Stripe),
 * otherwise a random one. Never derived from the operation and its parameters: Stripe replays the
 * first answer for 24 hours, so cancel, resume, cancel with a derived key would leave the second
 * cancel without effect. Each Stripe call of the request carries it with a suffix naming the call;
 * stripe-java's own retries of that call reuse it.
 */
public final class IdempotencyKey {

  private final String value;

  private IdempotencyKey(String value) {
    this.value = value;
  }

  /**
   * @param clientKey the request's {@code Idempotency-Key} header, or null
   */
  public static IdempotencyKey forRequest(String customerId, String clientKey) {
    if (clientKey == null || clientKey.isBlank()) {
      return new IdempotencyKey("req_" + UUID.randomUUID());
    }
    return new IdempotencyKey("client_" + sha256(customerId + "\u0000" + clientKey));
  }

  /** The key of one Stripe call made for this request. */
  public String forCall(String call) {
    return value + ":" + call;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 48);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
