package com.acme.billing.reencryption;

import com.acme.billing.api.DataKeyAdministration;
import com.acme.billing.encryption.DataCipher;
import com.acme.billing.encryption.KeyCanary;
import com.acme.billing.encryption.ResealBatch;
import com.acme.billing.overage.OverageSetting;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Walks every sealed table in batches of its own transactions ({@link ReEncryptionBatches}), so a
 * large table neither holds locks for long nor runs into the transaction timeout, then renews the
 * canary: from then on the keyset needs only the primary key.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReEncryptionService implements DataKeyAdministration {

  private static final Logger LOG = Logger.getLogger(ReEncryptionService.class.getName());

  @EJB ReEncryptionBatches batches;
  @EJB KeyCanary canary;
  @Inject DataCipher cipher;

  @Override
  public ReEncryption reEncrypt() {
    long events = walk("", batches::webhookEvents);
    long settings = walk(new OverageSetting.Key("", ""), batches::overageSettings);
    canary.renew();
    ReEncryption done = new ReEncryption(cipher.primaryKeyId(), events, settings);
    LOG.info(
        "Re-encrypted the billing data under key "
            + done.primaryKeyId()
            + ": webhook events "
            + events
            + ", overage settings "
            + settings);
    return done;
  }

  private static <K> long walk(K start, Function<K, ResealBatch<K>> batch) {
    long resealed = 0;
    K after = start;
    while (after != null) {
      ResealBatch<K> done = batch.apply(after);
      resealed += done.resealed();
      after = done.last();
    }
    return resealed;
  }
}
