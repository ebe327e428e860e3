package com.acme.web;

/** Shapes of the identifiers the API accepts. */
public final class Ids {
  /** Our customer ids: letters, digits, '_' and '-', at most 64. */
  public static final String CUSTOMER_ID = "[A-Za-z0-9_-]{1,64}";

  public static final String CUSTOMER_ID_MESSAGE = "must be 1-64 letters, digits, '_' or '-'";

  private Ids() {}
}
