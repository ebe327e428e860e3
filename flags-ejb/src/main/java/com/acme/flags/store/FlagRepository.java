package com.acme.flags.store;

import com.acme.flags.api.EnvironmentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code flags} schema: flags, their states, their history and the change counter. */
@ApplicationScoped
public class FlagRepository {

  @PersistenceContext(unitName = "flags")
  EntityManager em;

  @Inject FlagNotices notices;

  public List<Flag> findAll() {
    return em.createNamedQuery("Flag.findAll", Flag.class).getResultList();
  }

  public Optional<Flag> find(String key) {
    return Optional.ofNullable(em.find(Flag.class, key));
  }

  /** The flag, locked until the transaction ends, so that version checks cannot interleave. */
  public Optional<Flag> findForUpdate(String key) {
    return Optional.ofNullable(em.find(Flag.class, key, LockModeType.PESSIMISTIC_WRITE));
  }

  public void add(Flag flag) {
    em.persist(flag);
    em.flush(); // the states reference the flag's row
  }

  /** Every flag's state per environment, by flag key. */
  public Map<String, Map<String, EnvironmentState>> allStates() {
    Map<String, Map<String, EnvironmentState>> states = new HashMap<>();
    for (FlagState state :
        em.createNamedQuery("FlagState.findAll", FlagState.class).getResultList()) {
      states
          .computeIfAbsent(state.getFlagKey(), k -> new HashMap<>())
          .put(state.getEnvironment(), view(state));
    }
    return states;
  }

  public Map<String, EnvironmentState> states(String key) {
    Map<String, EnvironmentState> states = new HashMap<>();
    for (FlagState state :
        em.createNamedQuery("FlagState.findByKey", FlagState.class)
            .setParameter("key", key)
            .getResultList()) {
      states.put(state.getEnvironment(), view(state));
    }
    return states;
  }

  /** Sets one environment's state. */
  public void setState(String key, String environment, EnvironmentState state) {
    FlagState stored = em.find(FlagState.class, new FlagState.Key(key, environment));
    if (stored == null) {
      em.persist(new FlagState(key, environment, state.enabled(), state.rolloutPercentage()));
    } else {
      stored.set(state.enabled(), state.rolloutPercentage());
    }
  }

  private static EnvironmentState view(FlagState state) {
    return new EnvironmentState(state.isEnabled(), state.getRolloutPercentage());
  }

  public void remove(Flag flag) {
    em.createNamedQuery("FlagState.deleteByKey").setParameter("key", flag.getKey()).executeUpdate();
    em.remove(flag);
  }

  /** Appends a change to the history. */
  public void record(FlagChangeRecord change) {
    // Native: JPA's identity read-back on H2 calls IDENTITY(), which H2 2.x no longer has.
    em.createNativeQuery(
            "insert into flags.flag_change (flag_key, environment, action, actor, changed_at,"
                + " before_state, after_state) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, change.getFlagKey())
        .setParameter(2, change.getEnvironment())
        .setParameter(3, change.getAction())
        .setParameter(4, change.getActor())
        .setParameter(5, change.getChangedAt())
        .setParameter(6, change.getBefore())
        .setParameter(7, change.getAfter())
        .executeUpdate();
  }

  public List<FlagChangeRecord> history(String key, int page, int size) {
    return em.createNamedQuery("FlagChangeRecord.findByKey", FlagChangeRecord.class)
        .setParameter("key", key)
        .setFirstResult(page * size)
        .setMaxResults(size)
        .getResultList();
  }

  public long historySize(String key) {
    return em.createNamedQuery("FlagChangeRecord.countByKey", Long.class)
        .setParameter("key", key)
        .getSingleResult();
  }

  /**
   * Tells every instance that {@code key} changed: they poll this counter, and on PostgreSQL hear
   * it at commit.
   */
  public void bumpChangeCounter(String key) {
    em.createNamedQuery("ChangeCounter.bump").executeUpdate();
    notices.announce(em, key);
  }

  public long changeCounter() {
    return em.createNamedQuery("ChangeCounter.value", Long.class).getSingleResult();
  }
}
