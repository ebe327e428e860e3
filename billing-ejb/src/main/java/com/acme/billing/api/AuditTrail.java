package com.acme.billing.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/** The append-only audit log as admins read it: filtered, newest first, in pages. */
@Local
public interface AuditTrail {

  /** The largest page one request reads. */
  int MAX_PAGE_SIZE = 100;

  /**
   * One change: who made it ({@code stripe:<event id>}, a token's subject, {@code system}), for
   * which customer, what kind of change ({@code action}), and the state before and after as the
   * change recorded them (JSON, or null).
   */
  record Entry(
      long id,
      Instant occurredAt,
      String actor,
      String customerId,
      String action,
      String before,
      String after) {}

  /** What to read; a null field does not filter. {@code from} is included, {@code to} is not. */
  record Filter(String customerId, String action, Instant from, Instant to) {}

  /** One page of the entries that match, newest first, and how many match in all. */
  record Page(int page, int size, long total, List<Entry> items) {}

  Page entries(Filter filter, int page, int size);
}
