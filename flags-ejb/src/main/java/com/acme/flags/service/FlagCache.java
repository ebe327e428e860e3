package com.acme.flags.service;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.FlagView;
import com.acme.flags.store.FlagAssembler;
import com.acme.flags.store.FlagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every flag, in memory: evaluations never touch the database. A local change is applied when it
 * commits, and {@link FlagChangePoller} reloads when another instance bumped the change counter.
 * The counter is read before the flags, so a change landing in between only causes one more reload.
 */
@ApplicationScoped
public class FlagCache {

  @Inject FlagRepository repository;

  private volatile Map<String, FlagView> flags;
  private volatile long counter = -1;

  public synchronized void reload() {
    long current = repository.changeCounter();
    Map<String, FlagView> loaded = new LinkedHashMap<>();
    Map<String, Map<String, EnvironmentState>> states = repository.allStates();
    for (var flag : repository.findAll()) {
      loaded.put(
          flag.getKey(), FlagAssembler.toView(flag, states.getOrDefault(flag.getKey(), Map.of())));
    }
    flags = Map.copyOf(loaded);
    counter = current;
  }

  /**
   * Applies a committed local change at once, from memory: the database cannot be used after
   * completion. The change counter is left as it was, so the poller still reloads everything once.
   */
  synchronized void onChange(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) FlagsChanged change) {
    if (flags == null) {
      return;
    }
    Map<String, FlagView> updated = new LinkedHashMap<>(flags);
    if (change.after() == null) {
      updated.remove(change.key());
    } else {
      updated.put(change.key(), change.after());
    }
    flags = Map.copyOf(updated);
  }

  public long loadedCounter() {
    return counter;
  }

  /** The flag, or {@code null} if there is none (or the flags are not loaded yet). */
  public FlagView get(String key) {
    Map<String, FlagView> current = flags;
    return current == null ? null : current.get(key);
  }

  public List<FlagView> all() {
    Map<String, FlagView> current = flags;
    return current == null
        ? List.of()
        : current.values().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
  }
}
