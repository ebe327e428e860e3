package com.acme.flags.api;

/** A partial change: {@code null} leaves a value as it is; no environment means the running one. */
public record FlagPatch(
    Boolean enabled, Integer rolloutPercentage, String environment, String description) {}
