package com.acme.web;

/** The roles a token's {@code groups} claim can carry. */
public final class Roles {
  public static final String CUSTOMER = "customer";
  public static final String SERVICE = "service";
  public static final String ADMIN = "admin";

  private Roles() {}
}
