package com.acme.billing.usage;

import com.acme.billing.api.UsageLine;
import java.util.List;

/**
 * The usage line of a resource: {@code warning} from 80 %, {@code critical} from 95 % up to and
 * including 100 % (the limit is reached, not passed: one more is refused), {@code exceeded} only
 * above the limit (after a downgrade or an {@code enforce: false} record). A limit of 0 is reached
 * at 0 ({@code critical}, 100 %) and exceeded by any use. Thresholds are compared in exact integer
 * arithmetic so that a boundary (120 of 150 is exactly 80 %) never depends on rounding. The limit
 * is the effective one: the plan's plus the overage top-ups bought for the period.
 */
public final class UsageLevels {

  public static final String OK = "ok";
  public static final String WARNING = "warning";
  public static final String CRITICAL = "critical";
  public static final String EXCEEDED = "exceeded";

  private UsageLevels() {}

  public static UsageLine line(long used, long limit) {
    return line(used, limit, 0);
  }

  /** The line against the effective limit: the plan's {@code base} plus the period's top-ups. */
  public static UsageLine line(long used, long base, long topUp) {
    long limit = base + topUp;
    return new UsageLine(used, limit, percent(used, limit), level(used, limit), base, topUp);
  }

  /** The thresholds usage alerts are raised at, in percent of the effective limit. */
  public static final List<Integer> ALERT_THRESHOLDS = List.of(80, 95);

  /**
   * The alert thresholds that {@code used} of {@code limit} has reached, lowest first. Nothing used
   * reaches none (0 of a zero limit is "critical" for the bar, but nobody needs an alert for it).
   */
  public static List<Integer> thresholdsReached(long used, long limit) {
    if (used <= 0) {
      return List.of();
    }
    return ALERT_THRESHOLDS.stream()
        .filter(percent -> used > limit || atLeastPercent(used, limit, percent))
        .toList();
  }

  static String level(long used, long limit) {
    if (used > limit) {
      return EXCEEDED;
    }
    if (atLeastPercent(used, limit, 95)) {
      return CRITICAL;
    }
    if (atLeastPercent(used, limit, 80)) {
      return WARNING;
    }
    return OK;
  }

  /** Percent of the limit used, to one decimal. */
  static double percent(long used, long limit) {
    if (limit <= 0) {
      return 100.0; // at (0 of 0) or above a zero limit
    }
    return Math.round(used * 1000.0 / limit) / 10.0;
  }

  private static boolean atLeastPercent(long used, long limit, int percent) {
    if (limit <= 0) {
      return true; // 0 of 0 has reached the limit; above it is exceeded before this is asked
    }
    return Math.multiplyHigh(used, 100) == 0 && Math.multiplyHigh(limit, percent) == 0
        ? used * 100 >= limit * percent
        : (double) used / limit * 100 >= percent;
  }
}
