package com.acme.billing.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One resource's usage per day (UTC) from {@code from} to {@code to}, both included, every day
 * present: for a consumed resource ({@code kind} consumed) what was consumed that day, for a level
 * ({@code kind} level) the level at the end of that day.
 */
public record UsageHistory(
    String customerId, String resource, String kind, LocalDate from, LocalDate to, List<Day> days) {

  /** The longest range one request reads, in days. */
  public static final int MAX_DAYS = 366;

  /** The range when none is asked for: the last 30 days, today included. */
  public static final int DEFAULT_DAYS = 30;

  public record Day(LocalDate date, long amount) {}
}
