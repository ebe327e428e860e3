package com.acme.billing.overage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Overage settings and the packs bought ({@code billing.overage_setting}, {@code billing.top_up}).
 */
@ApplicationScoped
public class OverageStore {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  /** The setting, its row locked for the caller's transaction (purchases happen one at a time). */
  public Optional<OverageSetting> lock(String customerId, String resource) {
    return Optional.ofNullable(
        em.find(
            OverageSetting.class,
            new OverageSetting.Key(customerId, resource),
            LockModeType.PESSIMISTIC_WRITE));
  }

  public List<OverageSetting> settings(String customerId) {
    return em.createNamedQuery("OverageSetting.byCustomer", OverageSetting.class)
        .setParameter("customerId", customerId)
        .getResultList();
  }

  /** The setting to change, created (off, cap 0) if the customer has none yet. */
  public OverageSetting forChange(String customerId, String resource) {
    return lock(customerId, resource)
        .orElseGet(
            () -> {
              OverageSetting created = new OverageSetting(customerId, resource);
              created.change(false, 0, "system", Instant.EPOCH);
              em.persist(created);
              return created;
            });
  }

  /** Every pack of the customer's month, failed ones included. */
  public List<TopUp> ofPeriod(String customerId, Instant monthStart) {
    return em.createNamedQuery("TopUp.ofPeriod", TopUp.class)
        .setParameter("customerId", customerId)
        .setParameter("periodStart", monthStart)
        .getResultList();
  }

  public void add(TopUp topUp) {
    em.persist(topUp);
    em.flush();
  }

  public Optional<TopUp> byInvoice(String invoiceId) {
    return em.createNamedQuery("TopUp.byInvoice", TopUp.class)
        .setParameter("invoiceId", invoiceId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
