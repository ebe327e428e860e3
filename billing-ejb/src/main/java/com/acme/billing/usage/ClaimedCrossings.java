package com.acme.billing.usage;

import com.acme.billing.api.UsageLine;
import com.acme.billing.plan.Resource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The usage crossings this instance already claimed or found claimed, so that a record that reaches
 * no new threshold costs neither a statement nor a transaction. Bounded: a forgotten entry only
 * costs one insert-if-missing that inserts nothing.
 */
@ApplicationScoped
public class ClaimedCrossings {

  private final Cache<String, Boolean> claimed = Caffeine.newBuilder().maximumSize(100_000).build();

  /** The thresholds the line reached that this instance has not claimed (or seen claimed) yet. */
  List<Integer> unclaimed(
      String customerId, Resource resource, Instant monthStart, UsageLine line) {
    return UsageLevels.thresholdsReached(line.used(), line.limit()).stream()
        .filter(
            percent -> claimed.getIfPresent(key(customerId, resource, monthStart, percent)) == null)
        .toList();
  }

  void remember(String customerId, Resource resource, Instant monthStart, int percent) {
    claimed.put(key(customerId, resource, monthStart, percent), Boolean.TRUE);
  }

  private static String key(String customerId, Resource resource, Instant monthStart, int percent) {
    return customerId + '\n' + resource.id() + '\n' + monthStart + '\n' + percent;
  }
}
