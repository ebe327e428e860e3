package com.acme.billing.encryption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Seals billing data at rest with Tink's AEAD under the primary data key, and opens what any key of
 * the keyset sealed. The associated data names the table, the column and the row, so a sealed value
 * copied into another row or column does not open.
 */
@ApplicationScoped
public class DataCipher {

  /** Tink's prefix of a ciphertext: one version byte, then the four-byte id of the key. */
  private static final int PREFIX_LENGTH = 5;

  @Inject DataKeys dataKeys;

  public DataCipher() {}

  /** A cipher over given keys, for tests and tools that run without a container. */
  DataCipher(DataKeys.Keys keys) {
    this.dataKeys = new FixedKeys(keys);
  }

  /** The row a sealed value belongs to: its table, column and key, as associated data. */
  public static String context(String table, String column, String rowKey) {
    return table + "." + column + "/" + rowKey;
  }

  public byte[] seal(String plaintext, String context) {
    try {
      return dataKeys
          .keys()
          .aead()
          .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal " + context, e);
    }
  }

  /**
   * The plaintext of a sealed value.
   *
   * @throws DataKeysException when no key of the keyset opens it (a wrong or missing key), or the
   *     value was altered or belongs to another row
   */
  public String open(byte[] sealed, String context) {
    try {
      return new String(
          dataKeys.keys().aead().decrypt(sealed, bytes(context)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new DataKeysException(
          "cannot decrypt "
              + context
              + ": sealed under key "
              + describeKey(sealed)
              + ", the configured keyset holds "
              + dataKeys.keys().keyIds().stream().map(Integer::toUnsignedString).toList());
    }
  }

  /** Whether the value was sealed under the current primary key (else re-encryption renews it). */
  public boolean underPrimaryKey(byte[] sealed) {
    return sealed.length >= PREFIX_LENGTH && keyIdOf(sealed) == dataKeys.keys().primaryKeyId();
  }

  /**
   * The first bytes of every value sealed under the primary key: Tink's version byte and key id.
   */
  public byte[] primaryPrefix() {
    return ByteBuffer.allocate(PREFIX_LENGTH)
        .put((byte) 1)
        .putInt(dataKeys.keys().primaryKeyId())
        .array();
  }

  /** The primary key's id as Tink writes it in a keyset (unsigned). */
  public String primaryKeyId() {
    return Integer.toUnsignedString(dataKeys.keys().primaryKeyId());
  }

  /** The id of the key a value was sealed under, from Tink's ciphertext prefix. */
  static int keyIdOf(byte[] sealed) {
    return sealed.length < PREFIX_LENGTH ? 0 : ByteBuffer.wrap(sealed, 1, 4).getInt();
  }

  static String describeKey(byte[] sealed) {
    return sealed.length < PREFIX_LENGTH
        ? "no key (too short to be sealed)"
        : Integer.toUnsignedString(keyIdOf(sealed));
  }

  private static byte[] bytes(String context) {
    return context.getBytes(StandardCharsets.UTF_8);
  }

  /** Keys given up front instead of loaded from configuration. */
  private static final class FixedKeys extends DataKeys {
    private final Keys keys;

    FixedKeys(Keys keys) {
      this.keys = keys;
    }

    @Override
    Keys keys() {
      return keys;
    }
  }
}
