package com.acme.flags.store;

import com.acme.flags.api.EnvironmentState;
import jakarta.enterprise.context.ApplicationScoped;
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select flag_key, environment, enabled, rollout_percentage from flags.flag_state")
            .getResultList();
    Map<String, Map<String, EnvironmentState>> states = new HashMap<>();
    for (Object[] row : rows) {
      states
          .computeIfAbsent((String) row[0], k -> new HashMap<>())
          .put((String) row[1], new EnvironmentState(bool(row[2]), ((Number) row[3]).intValue()));
    }
    return states;
  }

  public Map<String, EnvironmentState> states(String key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select environment, enabled, rollout_percentage from flags.flag_state"
                    + " where flag_key = ?1")
            .setParameter(1, key)
            .getResultList();
    Map<String, EnvironmentState> states = new HashMap<>();
    for (Object[] row : rows) {
      states.put((String) row[0], new EnvironmentState(bool(row[1]), ((Number) row[2]).intValue()));
    }
    return states;
  }

  /**
   * Sets one environment's state. Native SQL: EclipseLink writes a changed element of an element
   * collection as an insert before the delete, which breaks the primary key.
   */
  public void setState(String key, String environment, EnvironmentState state) {
    int updated =
        em.createNativeQuery(
                "update flags.flag_state set enabled = ?3, rollout_percentage = ?4"
                    + " where flag_key = ?1 and environment = ?2")
            .setParameter(1, key)
            .setParameter(2, environment)
            .setParameter(3, state.enabled())
            .setParameter(4, state.rolloutPercentage())
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into flags.flag_state (flag_key, environment, enabled, rollout_percentage)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, key)
          .setParameter(2, environment)
          .setParameter(3, state.enabled())
          .setParameter(4, state.rolloutPercentage())
          .executeUpdate();
    }
  }

  private static boolean bool(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  public void remove(Flag flag) {
    em.createNativeQuery("delete from flags.flag_state where flag_key = ?1")
        .setParameter(1, flag.getKey())
        .executeUpdate();
    em.remove(flag);
  }

  /**
   * Appends a change to the history. A native insert: EclipseLink's identity read-back calls {@code
   * IDENTITY()}, which H2 2.x no longer has.
   */
  public void record(FlagChangeRecord change) {
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

  /** Tells every instance to reload the flags (they poll this counter). */
  public void bumpChangeCounter() {
    em.createNativeQuery("update flags.change_counter set counter = counter + 1 where id = 1")
        .executeUpdate();
  }

  public long changeCounter() {
    return ((Number)
            em.createNativeQuery("select counter from flags.change_counter where id = 1")
                .getSingleResult())
        .longValue();
  }
}
