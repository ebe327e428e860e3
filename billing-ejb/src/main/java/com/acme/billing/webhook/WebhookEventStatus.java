package com.acme.billing.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The status of a stored Stripe event, and the rule that it only moves forward.
 *
 * <p>The settled statuses are ordered {@code failed < ignored < processed}: an outcome may replace
 * a stored one of the same or a lower rank, never a higher one. So a slow duplicate that fails
 * after the first delivery succeeded cannot turn a processed event into a failed one; a failed
 * event becomes ignored or processed when a retry or replay gets further; an ignored event becomes
 * processed when a replay finds that the product now handles it, and never failed.
 *
 * <p>{@code processing} is the in-flight status of one attempt, written and replaced in the
 * attempt's own transaction: an attempt may start on a new event, or re-open a failed event (a
 * redelivery or replay) or an ignored one (an admin replay only), never a processed one.
 */
public enum WebhookEventStatus {
  PROCESSING("processing", 0),
  FAILED("failed", 1),
  IGNORED("ignored", 2),
  PROCESSED("processed", 3);

  private final String code;
  private final int rank;

  WebhookEventStatus(String code, int rank) {
    this.code = code;
    this.rank = rank;
  }

  /** The value stored in {@code billing.webhook_event.status}. */
  public String code() {
    return code;
  }

  public static Optional<WebhookEventStatus> of(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  /** Whether a stored event in this status may be given status {@code next}. */
  public boolean mayMoveTo(WebhookEventStatus next) {
    if (next == PROCESSING) {
      return this != PROCESSED;
    }
    return this == PROCESSING || next.rank >= rank;
  }

  /** Every status from which an event may be given status {@code next}. */
  public static Set<WebhookEventStatus> predecessorsOf(WebhookEventStatus next) {
    Set<WebhookEventStatus> from = EnumSet.noneOf(WebhookEventStatus.class);
    for (WebhookEventStatus s : values()) {
      if (s.mayMoveTo(next)) {
        from.add(s);
      }
    }
    return from;
  }

  /**
   * Whether an event stored in this status is applied again: a failed one when Stripe delivers it
   * again or an admin replays it; an ignored one only when an admin replays it (a redelivery of an
   * ignored event is a duplicate); a processed one never.
   */
  public boolean appliedAgain(boolean replay) {
    return this == FAILED || (replay && this == IGNORED);
  }

  /**
   * Whether an event stored with {@code storedCode} (empty: never stored) is applied by this
   * attempt; an unknown stored value is treated as settled.
   */
  public static boolean shouldApply(Optional<String> storedCode, boolean replay) {
    return storedCode.isEmpty()
        || of(storedCode.get()).map(s -> s.appliedAgain(replay)).orElse(false);
  }
}
