package com.acme.flags.service;

import com.acme.flags.api.FlagView;

/**
 * Fired inside a transaction that changed a flag: {@code after} is the flag as committed, or {@code
 * null} when it was deleted. The local cache applies it after commit.
 */
public record FlagsChanged(String key, FlagView after) {}
