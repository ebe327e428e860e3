package com.acme.flags.api;

import java.time.Instant;

/** One recorded change: who, when, which environment, the flag before and after (JSON). */
public record FlagChange(
    long id,
    String key,
    String action,
    String environment,
    String actor,
    Instant changedAt,
    String before,
    String after) {}
