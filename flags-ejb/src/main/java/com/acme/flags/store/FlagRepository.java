package com.acme.flags.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
  }

  public void remove(Flag flag) {
    em.remove(flag);
  }

  public void record(FlagChangeRecord change) {
    em.persist(change);
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
