package com.acme.billing.invoice;

import java.util.Set;

/**
 * Whether an invoice event may overwrite what the history holds. Stripe delivers events out of
 * order and more than once: the newest event wins, except that a paid or void invoice stays so
 * (Stripe never moves an invoice out of those), whatever arrives after it.
 */
public final class InvoiceOrdering {

  /** Stripe's final invoice statuses. */
  static final Set<String> FINAL = Set.of("paid", "void");

  private InvoiceOrdering() {}

  /**
   * @param storedStatus the held invoice's status, or null when none is held
   * @param storedEventCreated the creation time of the event that wrote it (seconds)
   */
  public static boolean replaces(
      String storedStatus, long storedEventCreated, String newStatus, long newEventCreated) {
    if (storedStatus == null) {
      return true;
    }
    if (FINAL.contains(storedStatus)) {
      return storedStatus.equals(newStatus) && newEventCreated >= storedEventCreated;
    }
    if (FINAL.contains(newStatus)) {
      return true;
    }
    return newEventCreated >= storedEventCreated;
  }
}
