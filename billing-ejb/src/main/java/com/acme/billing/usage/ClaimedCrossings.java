package com.acme.billing.usage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The usage crossings this instance already claimed or found claimed, so that records above a
 * threshold cost no statement after the first. Bounded: a forgotten entry only costs one
 * insert-if-missing that inserts nothing.
 */
@ApplicationScoped
public class ClaimedCrossings {

  private final Cache<String, Boolean> claimed = Caffeine.newBuilder().maximumSize(100_000).build();

  boolean known(String key) {
    return claimed.getIfPresent(key) != null;
  }

  void remember(String key) {
    claimed.put(key, Boolean.TRUE);
  }
}
