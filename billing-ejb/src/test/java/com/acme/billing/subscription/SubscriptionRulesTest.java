package com.acme.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.subscription.SubscriptionRules.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules that decide a customer's subscription state, without a database. */
class SubscriptionRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final AccessRule ACCESS = new AccessRule("FREE", Duration.ofDays(7));
  private static final Map<String, Integer> RANK =
      Map.of("FREE", 0, "STARTER", 1, "PRO", 2, "SCALE", 3);

  @ParameterizedTest(name = "mark {0}, event {1}, tombstone {2}, deletion {3} -> {4}")
  @CsvSource({
    "    , 100, false, false, APPLY",
    " 100, 101, false, false, APPLY",
    " 100,  99, false, false, STALE",
    " 100, 100, false, false, TIE",
    " 100, 100, false, true,  APPLY",
    " 100, 101, true,  false, STALE",
    " 100, 101, true,  true,  STALE",
    "    , 100, true,  false, STALE"
  })
  void eventsAreOrderedByTheMarkOfTheirSubscription(
      Long mark, long created, boolean tombstoned, boolean deletion, Order expected) {
    assertThat(SubscriptionRules.order(mark, created, tombstoned, deletion)).isEqualTo(expected);
  }

  @Test
  void stateReadFromStripeAdvancesTheMarkSoAnOlderEventIsStale() {
    long mark = SubscriptionRules.pulledMark(100L, NOW);
    assertThat(mark).isEqualTo(NOW.getEpochSecond());
    assertThat(SubscriptionRules.order(mark, NOW.getEpochSecond() - 1, false, false))
        .isEqualTo(Order.STALE);
    assertThat(SubscriptionRules.order(mark, NOW.getEpochSecond(), false, false))
        .isEqualTo(Order.TIE);
  }

  @Test
  void aPulledMarkNeverMovesBackwards() {
    long future = NOW.getEpochSecond() + 30;
    assertThat(SubscriptionRules.pulledMark(future, NOW)).isEqualTo(future);
    assertThat(SubscriptionRules.pulledMark(null, NOW)).isEqualTo(NOW.getEpochSecond());
  }

  @Test
  void thePastDueClockStartsOnceAndStopsWhenPaid() {
    Instant earlier = NOW.minusSeconds(3600);
    assertThat(SubscriptionRules.pastDueSince("active", null, "past_due", NOW)).isEqualTo(NOW);
    assertThat(SubscriptionRules.pastDueSince("past_due", earlier, "past_due", NOW))
        .isEqualTo(earlier);
    assertThat(SubscriptionRules.pastDueSince("past_due", earlier, "active", NOW)).isNull();
  }

  @Test
  void aSecondSubscriptionBecomingLiveIsADuplicateAndTheFirstIsNot() {
    List<MirrorState> firstIsLive = List.of(state("sub_1", "PRO", "active", 1));
    assertThat(SubscriptionRules.isDuplicate(false, false, "sub_2", true, firstIsLive)).isTrue();
    List<MirrorState> secondIsLive = List.of(state("sub_2", "PRO", "active", 2));
    assertThat(SubscriptionRules.isDuplicate(true, false, "sub_1", true, secondIsLive)).isFalse();
  }

  @Test
  void aDuplicateStopsBeingOneWhenTheOtherEnds() {
    List<MirrorState> otherCanceled = List.of(state("sub_1", "PRO", "canceled", 1));
    assertThat(SubscriptionRules.isDuplicate(true, true, "sub_2", true, otherCanceled)).isFalse();
    assertThat(
            SubscriptionRules.isDuplicate(
                true, true, "sub_2", true, List.of(state("sub_1", "PRO", "active", 1))))
        .isTrue();
  }

  @Test
  void aSubscriptionThatIsNotLiveIsNeverADuplicate() {
    List<MirrorState> live = List.of(state("sub_1", "PRO", "active", 1));
    assertThat(SubscriptionRules.isDuplicate(false, false, "sub_2", false, live)).isFalse();
  }

  @Test
  void theHighestGrantedTierDecidesAccessWhateverTheOrder() {
    MirrorState starter = state("sub_1", "STARTER", "active", 5);
    MirrorState pro = state("sub_2", "PRO", "active", 1);
    assertThat(effective(List.of(starter, pro)).subscriptionId()).isEqualTo("sub_2");
    assertThat(effective(List.of(pro, starter)).subscriptionId()).isEqualTo("sub_2");
  }

  @Test
  void aLiveSubscriptionBeatsANewerCanceledOne() {
    MirrorState canceled = state("sub_new", "SCALE", "canceled", 9);
    MirrorState active = state("sub_old", "STARTER", "active", 1);
    assertThat(effective(List.of(canceled, active)).subscriptionId()).isEqualTo("sub_old");
  }

  @Test
  void aPastDueSubscriptionOutOfGraceLosesToAnActiveLowerTier() {
    MirrorState lapsed =
        new MirrorState(
            "PRO",
            "past_due",
            "monthly",
            NOW.minus(Duration.ofDays(8)),
            null,
            null,
            false,
            "sub_pro",
            false,
            false,
            NOW);
    MirrorState starter = state("sub_starter", "STARTER", "active", 1);
    assertThat(effective(List.of(lapsed, starter)).subscriptionId()).isEqualTo("sub_starter");
  }

  @Test
  void withoutAnyGrantingSubscriptionTheMostRecentlyChangedShowsItsStatus() {
    MirrorState old = state("sub_1", "PRO", "canceled", 1);
    MirrorState recent = state("sub_2", "STARTER", "incomplete_expired", 2);
    assertThat(effective(List.of(old, recent)).subscriptionId()).isEqualTo("sub_2");
  }

  @Test
  void noSubscriptionIsNone() {
    assertThat(effective(List.of())).isEqualTo(MirrorState.NONE);
  }

  @Test
  void aPaidInvoiceStaysPaidWhateverArrivesLast() {
    assertThat(SubscriptionRules.paymentFailureCounts("paid")).isFalse();
    assertThat(SubscriptionRules.paymentFailureCounts("payment_failed")).isTrue();
    assertThat(SubscriptionRules.paymentFailureCounts(null)).isTrue();
  }

  private static MirrorState effective(List<MirrorState> states) {
    return SubscriptionRules.effective(states, ACCESS, RANK::get, NOW);
  }

  private static MirrorState state(String id, String tier, String status, long updatedSeconds) {
    return new MirrorState(
        tier,
        status,
        "monthly",
        null,
        null,
        null,
        false,
        id,
        false,
        false,
        NOW.minusSeconds(1000 - updatedSeconds));
  }
}
