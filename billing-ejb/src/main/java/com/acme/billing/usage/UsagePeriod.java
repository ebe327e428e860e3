package com.acme.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When the current month of usage began. Consumed resources reset monthly, yearly plans included:
 * on a paid plan the month starts on the day (and time) of the billing-cycle anchor, moved to the
 * month's last day when the month is shorter; otherwise it is the calendar month (UTC). Levels
 * (projects, storage) never reset: they all share {@link #LEVELS}.
 */
public final class UsagePeriod {

  public static final Instant LEVELS = Instant.EPOCH;

  private UsagePeriod() {}

  public static Instant calendarMonthStart(Instant now) {
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    return utc.toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public static Instant anchoredMonthStart(Instant anchor, Instant now) {
    ZonedDateTime a = anchor.atZone(ZoneOffset.UTC);
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    Instant candidate = onAnchorDay(month, a.getDayOfMonth(), a.toLocalTime());
    if (candidate.isAfter(now)) {
      candidate = onAnchorDay(month.minusMonths(1), a.getDayOfMonth(), a.toLocalTime());
    }
    return candidate;
  }

  /** The start of the current month: anchored for a paid plan with an anchor, else calendar. */
  public static Instant currentMonthStart(boolean paidPlan, Instant anchor, Instant now) {
    return paidPlan && anchor != null ? anchoredMonthStart(anchor, now) : calendarMonthStart(now);
  }

  private static Instant onAnchorDay(YearMonth month, int anchorDay, LocalTime time) {
    LocalDate day = month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
    return day.atTime(time).toInstant(ZoneOffset.UTC);
  }
}
