package com.acme.flags.api;

import java.time.Instant;
import java.util.Map;

/** A flag with its state in every environment; {@code version} is what ETag / If-Match carry. */
public record FlagView(
    String key,
    String description,
    long version,
    Map<String, EnvironmentState> environments,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy) {

  public EnvironmentState state(String environment) {
    return environments.getOrDefault(environment, EnvironmentState.OFF);
  }
}
