package com.acme.flags.api;

/** A flag's state in one environment. */
public record EnvironmentState(boolean enabled, int rolloutPercentage) {
  public static final EnvironmentState OFF = new EnvironmentState(false, 0);
}
