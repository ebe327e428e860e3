package com.acme.billing.reencryption;

import com.acme.billing.encryption.ResealBatch;
import com.acme.billing.overage.OverageSetting;
import com.acme.billing.overage.OverageStore;
import com.acme.billing.webhook.WebhookStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** One batch of a re-encryption, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReEncryptionBatches {

  @EJB WebhookStore webhooks;
  @Inject OverageStore overage;

  public ResealBatch<String> webhookEvents(String after) {
    return webhooks.resealAfter(after);
  }

  public ResealBatch<OverageSetting.Key> overageSettings(OverageSetting.Key after) {
    return overage.resealAfter(after);
  }
}
