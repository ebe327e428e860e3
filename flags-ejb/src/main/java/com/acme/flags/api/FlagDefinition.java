package com.acme.flags.api;

import java.util.Map;

/** A whole flag as created (POST) or replaced (PUT); environments not named are off, 0 %. */
public record FlagDefinition(
    String key, String description, Map<String, EnvironmentState> environments) {}
