package com.acme.billing.entitlement;

import com.acme.billing.subscription.MirrorState;
import com.acme.billing.subscription.SubscriptionChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each customer's mirror states (one per subscription), kept in memory after the first read so that
 * entitlement and usage checks do no database round trip; a miss reads the customer's states once,
 * whatever is checked. Bounded (Caffeine, {@code billing.entitlement-cache.max-customers}): the
 * least useful customers are evicted, never the correctness. An entry is dropped when that
 * customer's subscription changes: at once on the instance that wrote it (after commit), and on the
 * others when they hear or poll the change ({@link EntitlementChangePoller}).
 *
 * <p>A read that raced with a change must not put the old state back: every invalidation bumps a
 * generation, and a loaded state is kept only if the generation is unchanged, both under the
 * cache's lock for that key. Generations are striped over a fixed array (bounded memory): an
 * unrelated customer's change in the same stripe only means one load is not kept.
 */
@ApplicationScoped
public class EntitlementCache {

  private static final int STRIPES = 4096;

  @Inject
  @ConfigProperty(name = "billing.entitlement-cache.max-customers", defaultValue = "100000")
  long maxCustomers;

  private Cache<String, List<MirrorState>> entries;
  private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
  private final AtomicLong epoch = new AtomicLong();

  public EntitlementCache() {}

  /** A cache of at most {@code maxCustomers} customers, for tests built by hand. */
  EntitlementCache(long maxCustomers) {
    this.maxCustomers = maxCustomers;
    init();
  }

  @PostConstruct
  void init() {
    entries = Caffeine.newBuilder().maximumSize(Math.max(1, maxCustomers)).build();
  }

  public List<MirrorState> get(String customerId, Function<String, List<MirrorState>> loader) {
    List<MirrorState> cached = entries.getIfPresent(customerId);
    if (cached != null) {
      return cached;
    }
    int stripe = stripe(customerId);
    long generation = generations.get(stripe);
    long epochAtLoad = epoch.get();
    List<MirrorState> loaded = List.copyOf(loader.apply(customerId));
    entries
        .asMap()
        .compute(
            customerId,
            (id, current) ->
                current == null
                        && generations.get(stripe) == generation
                        && epoch.get() == epochAtLoad
                    ? loaded
                    : current);
    return loaded;
  }

  /** Drops every entry: when changes may have been missed (the poller could not read them). */
  public void invalidateAll() {
    epoch.incrementAndGet();
    entries.invalidateAll();
  }

  public void invalidate(String customerId) {
    entries
        .asMap()
        .compute(
            customerId,
            (id, current) -> {
              generations.incrementAndGet(stripe(id));
              return null;
            });
  }

  /** How many customers are held now (estimated; for tests and diagnosis). */
  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionChanged change) {
    invalidate(change.customerId());
  }

  private static int stripe(String customerId) {
    return Math.floorMod(customerId.hashCode(), STRIPES);
  }
}
