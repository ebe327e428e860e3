package com.acme.billing.subscription;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * First contact of a customer, race-free: the account row is inserted in a transaction of its own,
 * and a concurrent first contact that loses the primary key simply finds the winner's row. Callers
 * then lock the row ({@link SubscriptionRepository#lockAccount}) in their own transaction.
 */
@Stateless
public class CustomerAccounts {

  @Inject SubscriptionRepository repository;
  @Inject Clock clock;
  @EJB CustomerAccounts self;

  /** Locks the customer's account row for the caller's transaction, creating it first if new. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void lock(String customerId) {
    if (repository.lockAccount(customerId)) {
      return;
    }
    try {
      self.insert(customerId);
    } catch (EJBException lostTheRace) {
      // Another transaction inserted it first (unique violation); its row is there now.
    }
    if (!repository.lockAccount(customerId)) {
      throw new IllegalStateException("the customer account row could not be created");
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void insert(String customerId) {
    repository.insertAccountIfMissing(customerId, clock.instant());
  }
}
