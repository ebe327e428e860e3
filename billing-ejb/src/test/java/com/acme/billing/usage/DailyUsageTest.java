package com.acme.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.UsageHistory.Day;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyUsageTest {

  private static final LocalDate FIRST = LocalDate.parse("2026-12-01");
  private static final LocalDate THIRD = LocalDate.parse("2026-12-03");

  private static DailyUsage.Entry at(String instant, long amount) {
    return new DailyUsage.Entry(Instant.parse(instant), amount);
  }

  @Test
  void consumptionIsSummedPerUtcDayAndADayWithoutRecordsIsZero() {
    List<Day> days =
        DailyUsage.consumed(
            FIRST,
            THIRD,
            List.of(
                at("2026-12-01T00:00:00Z", 2),
                at("2026-12-01T23:59:59Z", 3),
                at("2026-12-03T08:00:00Z", 7)));

    assertThat(days)
        .containsExactly(
            new Day(FIRST, 5), new Day(LocalDate.parse("2026-12-02"), 0), new Day(THIRD, 7));
  }

  @Test
  void aLevelIsTheLastValueOfTheDayAndCarriesOverDaysWithoutRecords() {
    List<Day> days =
        DailyUsage.levels(
            FIRST, THIRD, 4, List.of(at("2026-12-02T09:00:00Z", 6), at("2026-12-02T18:00:00Z", 1)));

    assertThat(days)
        .containsExactly(
            new Day(FIRST, 4), new Day(LocalDate.parse("2026-12-02"), 1), new Day(THIRD, 1));
  }

  @Test
  void aOneDayRangeHasOneDayAndTheRangeRunsFromMidnightToMidnightUtc() {
    assertThat(DailyUsage.consumed(THIRD, THIRD, List.of())).containsExactly(new Day(THIRD, 0));
    assertThat(DailyUsage.start(FIRST)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(DailyUsage.end(THIRD)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
  }
}
