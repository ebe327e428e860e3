package com.acme.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsagePeriodTest {

  @ParameterizedTest
  @CsvSource({
    "2026-11-26T12:00:00Z, 2026-11-01T00:00:00Z",
    "2026-11-01T00:00:00Z, 2026-11-01T00:00:00Z",
    "2026-10-31T23:59:59Z, 2026-10-01T00:00:00Z",
    "2024-02-29T10:00:00Z, 2024-02-01T00:00:00Z",
  })
  void freeMonthIsTheUtcCalendarMonth(Instant now, Instant start) {
    assertThat(UsagePeriod.calendarMonthStart(now)).isEqualTo(start);
    assertThat(UsagePeriod.currentMonthStart(false, Instant.parse("2026-01-15T08:00:00Z"), now))
        .isEqualTo(start);
  }

  @ParameterizedTest
  @CsvSource({
    // anchor,               now,                  month start
    "2026-01-15T08:30:00Z, 2026-11-26T12:00:00Z, 2026-11-15T08:30:00Z",
    "2026-01-15T08:30:00Z, 2026-11-15T08:29:59Z, 2026-10-15T08:30:00Z",
    "2026-01-15T08:30:00Z, 2026-11-15T08:30:00Z, 2026-11-15T08:30:00Z",
    "2026-01-31T00:00:00Z, 2026-02-28T12:00:00Z, 2026-02-28T00:00:00Z",
    "2026-01-31T00:00:00Z, 2026-03-15T12:00:00Z, 2026-02-28T00:00:00Z",
    "2026-01-31T00:00:00Z, 2026-03-31T00:00:00Z, 2026-03-31T00:00:00Z",
    "2024-01-30T00:00:00Z, 2024-02-29T01:00:00Z, 2024-02-29T00:00:00Z",
    "2025-12-20T00:00:00Z, 2026-01-05T00:00:00Z, 2025-12-20T00:00:00Z",
  })
  void paidMonthStartsOnTheBillingCycleAnchorDayYearlyPlansIncluded(
      Instant anchor, Instant now, Instant start) {
    assertThat(UsagePeriod.currentMonthStart(true, anchor, now)).isEqualTo(start);
  }
}
