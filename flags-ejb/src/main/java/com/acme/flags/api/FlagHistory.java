package com.acme.flags.api;

import java.util.List;

/** A page of a flag's changes, newest first. */
public record FlagHistory(String key, int page, int size, long total, List<FlagChange> items) {}
