package com.acme.flags.service;

/** Fired inside a transaction that changed flags; the local cache reloads after commit. */
public record FlagsChanged(String key) {}
