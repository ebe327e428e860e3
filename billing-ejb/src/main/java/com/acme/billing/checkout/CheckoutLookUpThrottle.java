package com.acme.billing.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one Stripe call per checkout session per second from the success page's look-up, however
 * often a browser polls: the look-up answers from the mirror in between. Entries older than the
 * window are dropped as new ones arrive, so the map stays small.
 */
@ApplicationScoped
public class CheckoutLookUpThrottle {

  static final Duration WINDOW = Duration.ofSeconds(1);
  private static final int SWEEP_ABOVE = 10_000;

  @Inject Clock clock;

  private final Map<String, Long> lastCall = new ConcurrentHashMap<>();

  /** Whether a Stripe call for the session may be made now (and records it). */
  public boolean tryAcquire(String sessionId) {
    long now = clock.millis();
    boolean[] acquired = {false};
    lastCall.compute(
        sessionId,
        (id, last) -> {
          if (last == null || now - last >= WINDOW.toMillis()) {
            acquired[0] = true;
            return now;
          }
          return last;
        });
    if (lastCall.size() > SWEEP_ABOVE) {
      lastCall.values().removeIf(last -> now - last >= WINDOW.toMillis());
    }
    return acquired[0];
  }
}
