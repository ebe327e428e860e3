package com.acme.flags.api;

import java.util.List;

/** The environments a flag has a state in. */
public final class Environments {
  public static final String DEVELOPMENT = "development";
  public static final String STAGING = "staging";
  public static final String PRODUCTION = "production";
  public static final List<String> ALL = List.of(DEVELOPMENT, STAGING, PRODUCTION);

  private Environments() {}
}
