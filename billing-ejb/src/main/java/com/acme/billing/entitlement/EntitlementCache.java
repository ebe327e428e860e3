package com.acme.billing.entitlement;

import com.acme.billing.subscription.MirrorState;
import com.acme.billing.subscription.SubscriptionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Each customer's mirror states (one per subscription), kept in memory after the first read so that
 * entitlement and usage checks do no database round trip. An entry is dropped when that customer's
 * subscription changes: at once on the instance that wrote it (after commit), and through {@link
 * EntitlementChangePoller} on the others.
 *
 * <p>A read that raced with a change must not put the old state back: each customer has a
 * generation that every invalidation bumps, and a loaded state is kept only if the generation is
 * unchanged. Both happen under the map's lock for that key.
 */
@ApplicationScoped
public class EntitlementCache {

  private final Map<String, List<MirrorState>> entries = new ConcurrentHashMap<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();

  public List<MirrorState> get(String customerId, Function<String, List<MirrorState>> loader) {
    List<MirrorState> cached = entries.get(customerId);
    if (cached != null) {
      return cached;
    }
    long generation = generations.getOrDefault(customerId, 0L);
    long epochAtLoad = epoch.get();
    List<MirrorState> loaded = List.copyOf(loader.apply(customerId));
    entries.compute(
        customerId,
        (id, current) ->
            current == null
                    && generations.getOrDefault(id, 0L) == generation
                    && epoch.get() == epochAtLoad
                ? loaded
                : current);
    return loaded;
  }

  /** Drops every entry: when changes may have been missed (the poller could not read them). */
  public void invalidateAll() {
    epoch.incrementAndGet();
    entries.clear();
  }

  public void invalidate(String customerId) {
    entries.compute(
        customerId,
        (id, current) -> {
          generations.merge(id, 1L, Long::sum);
          return null;
        });
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionChanged change) {
    invalidate(change.customerId());
  }
}
