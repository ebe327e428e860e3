package com.acme.billing.overage;

import com.acme.billing.encryption.DataCipher;
import com.acme.billing.encryption.ResealBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Overage settings and the packs bought ({@code billing.overage_setting}, {@code billing.top_up}).
 * A setting's terms are sealed under the data keys; the row's customer and resource are the
 * associated data.
 */
@ApplicationScoped
public class OverageStore {

  @PersistenceContext(unitName = "billing")
  EntityManager em;

  @Inject DataCipher cipher;

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
              change(created, OverageTerms.NONE, "system", Instant.EPOCH);
              em.persist(created);
              return created;
            });
  }

  /** What the setting says, opened. */
  public OverageTerms terms(OverageSetting setting) {
    byte[] sealed = setting.termsSealed();
    return sealed == null
        ? setting.legacyTerms()
        : OverageTerms.parse(cipher.open(sealed, context(setting)));
  }

  public void change(OverageSetting setting, OverageTerms terms, String actor, Instant now) {
    setting.change(cipher.seal(terms.json(), context(setting)), actor, now);
  }

  /**
   * Seals a setting under the current primary key if it is not already (plaintext from before
   * encryption at rest, or an older key), under the row's lock.
   *
   * @return whether it was sealed anew
   */
  boolean reseal(String customerId, String resource) {
    Optional<OverageSetting> locked = lock(customerId, resource);
    if (locked.isEmpty()) {
      return false;
    }
    OverageSetting setting = locked.get();
    byte[] sealed = setting.termsSealed();
    if (sealed != null && cipher.underPrimaryKey(sealed)) {
      return false;
    }
    setting.reseal(cipher.seal(terms(setting).json(), context(setting)));
    return true;
  }

  /**
   * Seals the settings after {@code after} (in customer and resource order) under the primary key,
   * where they are in plaintext or under an older key; in the caller's transaction.
   */
  public ResealBatch<OverageSetting.Key> resealAfter(OverageSetting.Key after) {
    List<OverageSetting.Key> keys =
        em.createNamedQuery("OverageSetting.keysAfter", Object[].class)
            .setParameter("customerId", after.customerId())
            .setParameter("resource", after.resource())
            .setMaxResults(ResealBatch.SIZE)
            .getResultStream()
            .map(r -> new OverageSetting.Key((String) r[0], (String) r[1]))
            .toList();
    int resealed = 0;
    for (OverageSetting.Key key : keys) {
      if (reseal(key.customerId(), key.resource())) {
        resealed++;
      }
    }
    return new ResealBatch<>(keys.isEmpty() ? null : keys.get(keys.size() - 1), resealed);
  }

  private static String context(OverageSetting setting) {
    return DataCipher.context(
        "overage_setting", "terms", setting.customerId() + "/" + setting.resource());
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
