package com.acme.billing.sandbox;

import com.acme.billing.api.PaymentProviderException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Idempotency keys as Stripe honours them: the same key with the same parameters gets the first
 * answer again (nothing happens a second time); the same key with other parameters is refused
 * ({@code idempotency_error}). So a flow against the sandbox catches a key reused across requests.
 * Keeps the most recent keys only, as Stripe keeps them for 24 hours.
 */
final class SandboxIdempotency {

  private static final int KEPT = 10_000;

  private record Answer(String fingerprint, Object value) {}

  private final Map<String, Answer> answers =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
          return size() > KEPT;
        }
      };

  /**
   * @param fingerprint the operation and every parameter of the call
   */
  synchronized <T> T once(String key, String fingerprint, Class<T> type, Supplier<T> call) {
    Answer earlier = answers.get(key);
    if (earlier != null) {
      if (!earlier.fingerprint().equals(fingerprint)) {
        throw new PaymentProviderException(
            PaymentProviderException.Kind.IDEMPOTENCY_CONFLICT,
            "idempotency_error",
            "Keys for idempotent requests can only be used with the same parameters they were"
                + " first used with.",
            0);
      }
      return type.cast(earlier.value());
    }
    T value = call.get();
    answers.put(key, new Answer(fingerprint, value));
    return value;
  }

  static String fingerprint(String operation, Object... parameters) {
    StringBuilder text = new StringBuilder(operation);
    for (Object parameter : parameters) {
      text.append('\u0000').append(parameter);
    }
    return text.toString();
  }
}
