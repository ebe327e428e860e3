package com.acme.billing.stripe;

import java.time.Duration;

/**
 * How the product backs off when Stripe rate-limits it or resets the connection (which stripe-java
 * does not retry): {@code retries} more attempts, waiting {@code firstWait}, then twice as long
 * each time. Bounded, so a request thread never waits more than the sum (0.5 + 1 s with the
 * defaults).
 */
public final class RateLimitBackoff {

  private final int retries;
  private final Duration firstWait;

  public RateLimitBackoff(int retries, Duration firstWait) {
    this.retries = Math.max(0, retries);
    this.firstWait = firstWait;
  }

  /** The wait before retry number {@code attempt + 1}, or null when no retry is left. */
  Duration waitBefore(int attempt) {
    if (attempt >= retries) {
      return null;
    }
    return firstWait.multipliedBy(1L << Math.min(attempt, 16));
  }

  /**
   * Waits before the next attempt.
   *
   * @return false when no retry is left (or the thread was interrupted)
   */
  boolean waitBeforeRetry(int attempt) {
    Duration wait = waitBefore(attempt);
    if (wait == null) {
      return false;
    }
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
