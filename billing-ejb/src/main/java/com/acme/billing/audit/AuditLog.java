package com.acme.billing.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;

/** Append-only: who changed what, when, before and after. Written in the change's transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditLog {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  public void record(
      String actor, String customerId, String action, String before, String after, Instant at) {
    // Native: JPA's identity read-back on H2 calls IDENTITY(), which H2 2.x no longer has.
    em.createNativeQuery(
            "insert into billing.audit_log (occurred_at, actor, customer_id, action,"
                + " before_state, after_state) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, at.atOffset(ZoneOffset.UTC))
        .setParameter(2, actor)
        .setParameter(3, customerId)
        .setParameter(4, action)
        .setParameter(5, before)
        .setParameter(6, after)
        .executeUpdate();
  }
}
