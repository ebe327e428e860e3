package com.acme.billing.operations;

/**
 * Counts occurrences per clock minute and says when the count reaches a threshold: once per minute
 * at most, so a sustained flood raises one alert a minute, not one per occurrence.
 */
final class PerMinuteThreshold {

  private final int threshold;
  private long minute = Long.MIN_VALUE;
  private int count;

  PerMinuteThreshold(int threshold) {
    this.threshold = Math.max(1, threshold);
  }

  /**
   * Records one occurrence at {@code epochMillis}.
   *
   * @return the minute's count if this occurrence made it reach the threshold, else 0
   */
  synchronized int record(long epochMillis) {
    long now = Math.floorDiv(epochMillis, 60_000L);
    if (now != minute) {
      minute = now;
      count = 0;
    }
    count++;
    return count == threshold ? count : 0;
  }
}
