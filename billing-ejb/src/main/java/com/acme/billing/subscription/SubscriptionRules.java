package com.acme.billing.subscription;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The rules that decide a customer's subscription state, in one place and free of persistence:
 * ordering of Stripe events (mark, tie, tombstone), the mark of state read from Stripe, the
 * past-due clock, duplicate detection, which of several subscriptions decides access, and whether
 * an invoice's payment failure still counts. What a single state grants (status to tier, grace
 * period) is {@link AccessRule}'s, which {@link #effective} applies.
 */
public final class SubscriptionRules {

  /** Stripe statuses of a subscription that is still running (past_due included). */
  public static final Set<String> LIVE_STATUSES = Set.of("active", "trialing", "past_due");

  private static final String PAST_DUE = "past_due";
  private static final String PAID = "paid";

  private SubscriptionRules() {}

  /** What to do with a Stripe event for a subscription. */
  public enum Order {
    /** Newer than anything applied: apply it. */
    APPLY,
    /** Older than what was applied, or the subscription was deleted: ignore it. */
    STALE,
    /** The same second as the last one applied: they cannot be ordered, re-read the object. */
    TIE
  }

  /**
   * Orders an event against the {@code created} of the last event applied to the same subscription
   * ({@code mark}, null before the first). A deleted subscription is a tombstone: nothing brings it
   * back. A deletion in the mark's second needs no re-read: deletion is final.
   */
  public static Order order(Long mark, long eventCreated, boolean tombstoned, boolean deletion) {
    if (tombstoned) {
      return Order.STALE;
    }
    if (mark == null || eventCreated > mark) {
      return Order.APPLY;
    }
    if (eventCreated < mark) {
      return Order.STALE;
    }
    return deletion ? Order.APPLY : Order.TIE;
  }

  /**
   * The mark after applying state read from Stripe at {@code now}: it is at least as new as any
   * event created before now, so an older event delivered later cannot overwrite it; an event of
   * the same second ties and is settled by a re-read.
   */
  public static long pulledMark(Long mark, Instant now) {
    long second = now.getEpochSecond();
    return mark == null ? second : Math.max(mark, second);
  }

  /**
   * When a subscription went past due: kept while it stays past due, started when it becomes so,
   * cleared otherwise.
   */
  public static Instant pastDueSince(
      String previousStatus, Instant previousSince, String newStatus, Instant at) {
    if (!PAST_DUE.equals(newStatus)) {
      return null;
    }
    if (PAST_DUE.equals(previousStatus) && previousSince != null) {
      return previousSince;
    }
    return at;
  }

  /**
   * Whether a subscription is a duplicate after a change: one that becomes live (or arrives live)
   * while the customer already has another live one is, and stays one while that other is live. Two
   * checkout tabs both paid, or one made in the Stripe dashboard: a person refunds it. The
   * subscription that was live first is never the duplicate.
   */
  public static boolean isDuplicate(
      boolean wasLive,
      boolean wasDuplicate,
      String subscriptionId,
      boolean live,
      List<MirrorState> customerSubscriptions) {
    boolean anotherLive =
        customerSubscriptions.stream()
            .anyMatch(
                other ->
                    !subscriptionId.equals(other.subscriptionId())
                        && !other.deleted()
                        && LIVE_STATUSES.contains(other.status()));
    return live && anotherLive && (wasDuplicate || !wasLive);
  }

  /**
   * Which of the customer's subscriptions decides access now: the one granting the highest tier (a
   * paid one before one in its grace period), else the most recently changed one, so that status
   * shows what happened last (canceled, say). No subscription at all is {@link MirrorState#NONE}.
   */
  public static MirrorState effective(
      List<MirrorState> subscriptions, AccessRule rule, ToIntFunction<String> rank, Instant now) {
    if (subscriptions.isEmpty()) {
      return MirrorState.NONE;
    }
    Comparator<MirrorState> byGrant =
        Comparator.<MirrorState>comparingInt(s -> grantRank(rule.evaluate(s, now), rank))
            .thenComparing(s -> s.updatedAt() == null ? Instant.MIN : s.updatedAt());
    MirrorState best = subscriptions.stream().max(byGrant).orElseThrow();
    if (grantRank(rule.evaluate(best, now), rank) > 0) {
      return best;
    }
    return subscriptions.stream()
        .max(Comparator.comparing(s -> s.updatedAt() == null ? Instant.MIN : s.updatedAt()))
        .orElseThrow();
  }

  private static int grantRank(Access access, ToIntFunction<String> rank) {
    return switch (access.basis()) {
      case PAID -> rank.applyAsInt(access.tierId()) * 2 + 2;
      case GRACE -> rank.applyAsInt(access.tierId()) * 2 + 1;
      case FREE, INACTIVE -> 0;
    };
  }

  /**
   * Whether an invoice's payment failure still counts, given what its invoice last said: once paid
   * it stays paid, whichever of its events arrives last.
   */
  public static boolean paymentFailureCounts(String storedInvoiceStatus) {
    return !PAID.equals(storedInvoiceStatus);
  }
}
