package com.acme.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.operations.BillingFact.UsageLevelCrossed;
import com.acme.billing.operations.RecordedFacts;
import com.acme.billing.plan.Resource;
import com.acme.billing.webhook.BillingH2;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Usage alerts: each threshold once per customer, resource and month, across instances. */
class UsageCrossingsOnH2Test {

  private static final Instant MONTH = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant NEXT_MONTH = Instant.parse("2027-01-01T00:00:00Z");

  private final BillingH2 db = new BillingH2();
  private final RecordedFacts facts = new RecordedFacts();
  private final ClaimedCrossings thisInstance = new ClaimedCrossings();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachThresholdIsAnnouncedOnceAPeriodHoweverOftenUsageIsRecordedAboveIt() {
    recorded(thisInstance, MONTH, 70, 100);
    recorded(thisInstance, MONTH, 81, 100);
    recorded(thisInstance, MONTH, 85, 100);
    recorded(thisInstance, MONTH, 96, 100);
    recorded(thisInstance, MONTH, 99, 100);

    assertThat(facts.fired())
        .containsExactly(
            new UsageLevelCrossed("cust_1", "build_hours", 80, 81, 100),
            new UsageLevelCrossed("cust_1", "build_hours", 95, 96, 100));
  }

  @Test
  void anotherInstanceFindsTheCrossingClaimedAndAnnouncesNothing() {
    recorded(thisInstance, MONTH, 90, 100);
    recorded(new ClaimedCrossings(), MONTH, 91, 100);

    assertThat(facts.fired())
        .containsExactly(new UsageLevelCrossed("cust_1", "build_hours", 80, 90, 100));
  }

  @Test
  void aNewMonthAnnouncesAgainAndJumpingPastBothThresholdsAnnouncesBoth() {
    recorded(thisInstance, MONTH, 81, 100);
    recorded(thisInstance, NEXT_MONTH, 120, 100);

    assertThat(facts.fired())
        .extracting(f -> ((UsageLevelCrossed) f).percent())
        .containsExactly(80, 80, 95);
  }

  @Test
  void usageBelowTheFirstThresholdOrNothingUsedOfAZeroLimitAnnouncesNothing() {
    recorded(thisInstance, MONTH, 79, 100);
    recorded(thisInstance, MONTH, 0, 0);

    assertThat(facts.fired()).isEmpty();
  }

  private void recorded(ClaimedCrossings memory, Instant month, long used, long limit) {
    db.run(
        em -> {
          UsageCrossings crossings = new UsageCrossings();
          crossings.em = em;
          crossings.facts = facts;
          crossings.claimed = memory;
          crossings.clock = Clock.fixed(month.plusSeconds(3600), ZoneOffset.UTC);
          crossings.recorded("cust_1", Resource.BUILD_HOURS, month, UsageLevels.line(used, limit));
        });
  }
}
