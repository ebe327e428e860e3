package com.acme.billing.audit;

import com.acme.billing.api.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the audit log for admins: only the filters given, newest (highest id) first. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditTrailService implements AuditTrail {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Override
  public Page entries(Filter filter, int page, int size) {
    // Only the conditions asked for: "(:p is null or ...)" leaves PostgreSQL unable to type p.
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> parameters = new LinkedHashMap<>();
    condition(where, parameters, "a.customerId = :customerId", "customerId", filter.customerId());
    condition(where, parameters, "a.action = :action", "action", filter.action());
    condition(where, parameters, "a.occurredAt >= :from", "from", filter.from());
    condition(where, parameters, "a.occurredAt < :to", "to", filter.to());
    TypedQuery<AuditRecord> items =
        em.createQuery(
            "select a from AuditRecord a" + where + " order by a.id desc", AuditRecord.class);
    TypedQuery<Long> total =
        em.createQuery("select count(a) from AuditRecord a" + where, Long.class);
    parameters.forEach(
        (name, value) -> {
          items.setParameter(name, value);
          total.setParameter(name, value);
        });
    return new Page(
        page,
        size,
        total.getSingleResult(),
        items
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(AuditRecord::view)
            .toList());
  }

  private static void condition(
      StringBuilder where,
      Map<String, Object> parameters,
      String condition,
      String name,
      Object value) {
    if (value != null) {
      where.append(" and ").append(condition);
      parameters.put(name, value);
    }
  }
}
