package com.acme.billing.encryption;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Finds the keyset the billing data is sealed with: a Tink keyset in JSON, given inline ({@code
 * billing.data.keys}) or in a file ({@code billing.data.keys.file}). Only the development profile
 * may go without one: it makes a development keyset on first start, keeps it in a file beside the
 * embedded database, and says so in the log. Every other profile fails closed.
 */
final class KeysetLoader {

  static final String INLINE = "billing.data.keys";
  static final String INLINE_ENV = "BILLING_DATA_KEYS";
  static final String FILE = "billing.data.keys.file";
  static final String FILE_ENV = "BILLING_DATA_KEYS_FILE";
  static final String DEVELOPMENT_FILE_NAME = "billing-data-keys.json";

  private static final Logger LOG = Logger.getLogger(KeysetLoader.class.getName());

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private KeysetLoader() {}

  /**
   * The configured keyset.
   *
   * @param developmentDirectory where the development profile keeps the keyset it makes
   * @throws DataKeysException naming the setting at fault
   */
  static KeysetHandle load(Config config, Path developmentDirectory) {
    Optional<String> inline = value(config, INLINE);
    Optional<String> file = value(config, FILE);
    if (inline.isPresent() && file.isPresent()) {
      throw new DataKeysException(
          describe(INLINE, INLINE_ENV)
              + " and "
              + describe(FILE, FILE_ENV)
              + " are both set; set one of them");
    }
    if (inline.isPresent()) {
      return parse(inline.get(), describe(INLINE, INLINE_ENV));
    }
    if (file.isPresent()) {
      String source = describe(FILE, FILE_ENV) + " (" + file.get().trim() + ")";
      return parse(read(Path.of(file.get().trim()), source), source);
    }
    String profile = value(config, "mp.config.profile").map(String::trim).orElse("");
    if (!profile.equals("development")) {
      throw new DataKeysException(
          describe(INLINE, INLINE_ENV)
              + " or "
              + describe(FILE, FILE_ENV)
              + " is required: the Tink keyset (JSON) the billing data is encrypted with");
    }
    return developmentKeyset(developmentDirectory.resolve(DEVELOPMENT_FILE_NAME));
  }

  /** A new keyset of one AES-256-GCM key, in the JSON form the settings take. */
  static String newKeysetJson() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a keyset", e);
    }
  }

  static KeysetHandle parse(String json, String source) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // Tink's message describes the structure, never the key bytes.
      throw new DataKeysException(
          source + " is not a Tink keyset in JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static KeysetHandle developmentKeyset(Path path) {
    if (!Files.exists(path)) {
      try {
        Files.createDirectories(path.getParent());
        // Written aside and moved into place: a second start never reads a half-written file.
        Path written =
            Files.createTempFile(
                path.getParent(),
                DEVELOPMENT_FILE_NAME,
                ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, newKeysetJson(), StandardCharsets.UTF_8);
        try {
          Files.move(written, path);
        } finally {
          Files.deleteIfExists(written);
        }
        LOG.warning(
            "No billing data key is configured: made a development key at "
                + path
                + " and encrypting the billing data with it. The production profile refuses to"
                + " start without "
                + INLINE_ENV
                + " or "
                + FILE_ENV
                + ".");
      } catch (FileAlreadyExistsException e) {
        // another start made it first: read that one
      } catch (IOException e) {
        throw new DataKeysException("cannot write the development data key to " + path, e);
      }
    } else {
      LOG.info("Billing data encrypted with the development key at " + path);
    }
    String source = "the development data key " + path;
    return parse(read(path, source), source);
  }

  private static String read(Path path, String source) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataKeysException(
          source + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Optional<String> value(Config config, String name) {
    return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
  }

  static String describe(String property, String environment) {
    return property + " (" + environment + ")";
  }
}
