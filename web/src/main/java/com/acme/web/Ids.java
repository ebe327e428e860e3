package com.acme.web;

/** Shapes of the identifiers the API accepts. */
public final class Ids {
  /** Our customer ids: letters, digits, '_' and '-', at most 64. */
  public static final String CUSTOMER_ID = "[A-Za-z0-9_-]{1,64}";

  public static final String CUSTOMER_ID_MESSAGE = "must be 1-64 letters, digits, '_' or '-'";

  /** A client's Idempotency-Key header: printable ASCII without spaces, at most 200. */
  public static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]{1,200}";

  public static final String IDEMPOTENCY_KEY_MESSAGE =
      "must be 1-200 printable ASCII characters without spaces";

  /** The header that makes a retried request count once (Stripe's name for it). */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private Ids() {}
}
