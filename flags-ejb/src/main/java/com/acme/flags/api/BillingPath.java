package com.acme.flags.api;

/** The flag that decides, per customer, between the new billing path and the legacy one. */
public final class BillingPath {
  public static final String FLAG_KEY = "billing_v2";

  private BillingPath() {}
}
