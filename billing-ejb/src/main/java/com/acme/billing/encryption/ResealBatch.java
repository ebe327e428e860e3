package com.acme.billing.encryption;

/**
 * One batch of a re-encryption over a table walked in key order.
 *
 * @param last the key of the batch's last row, where the next batch starts (null: the table ends)
 * @param resealed the rows sealed anew under the primary key
 */
public record ResealBatch<K>(K last, int resealed) {

  /** Rows read per batch, each batch in a transaction of its own. */
  public static final int SIZE = 200;
}
