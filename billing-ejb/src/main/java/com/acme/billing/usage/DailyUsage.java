package com.acme.billing.usage;

import com.acme.billing.api.UsageHistory.Day;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns usage records into one figure per UTC day, every day of the range present. */
public final class DailyUsage {

  /** One accepted record: when, and its quantity (consumed) or value (level). */
  public record Entry(Instant at, long amount) {}

  private DailyUsage() {}

  /** What was consumed each day: the sum of that day's records, 0 on a day without any. */
  public static List<Day> consumed(LocalDate from, LocalDate to, List<Entry> entries) {
    Map<LocalDate, Long> sums = new TreeMap<>();
    for (Entry entry : entries) {
      sums.merge(day(entry.at()), entry.amount(), Long::sum);
    }
    List<Day> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(new Day(d, sums.getOrDefault(d, 0L)));
    }
    return days;
  }

  /**
   * The level at the end of each day: the last value set up to then, starting from {@code before}
   * (the level set last before the range, 0 when none). Entries must be in the order recorded.
   */
  public static List<Day> levels(LocalDate from, LocalDate to, long before, List<Entry> entries) {
    Map<LocalDate, Long> last = new TreeMap<>();
    for (Entry entry : entries) {
      last.put(day(entry.at()), entry.amount());
    }
    List<Day> days = new ArrayList<>();
    long level = before;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      level = last.getOrDefault(d, level);
      days.add(new Day(d, level));
    }
    return days;
  }

  /** The instant the range starts (midnight UTC of {@code from}). */
  public static Instant start(LocalDate from) {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The instant just after the range (midnight UTC after {@code to}). */
  public static Instant end(LocalDate to) {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
