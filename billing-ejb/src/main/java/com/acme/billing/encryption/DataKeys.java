package com.acme.billing.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The keyset the billing data is sealed with, loaded once ({@link KeysetLoader}). Loading fails
 * closed: until a usable keyset is configured every use throws the same {@link DataKeysException}.
 */
@ApplicationScoped
public class DataKeys {

  /**
   * Where the development profile keeps the keyset it makes: beside the embedded database, under
   * the server's output directory (Liberty's working directory).
   */
  static final Path DEVELOPMENT_DIRECTORY = Path.of("data");

  @Inject Config config;

  private volatile Keys keys;

  /** The loaded keys: the AEAD primitive over the whole keyset and the primary key's id. */
  record Keys(Aead aead, int primaryKeyId, List<Integer> keyIds) {

    static Keys of(KeysetHandle handle) {
      try {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
          ids.add(handle.getAt(i).getId());
        }
        return new Keys(
            handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
            handle.getPrimary().getId(),
            List.copyOf(ids));
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new DataKeysException(
            "the data keyset holds no usable AEAD key (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  /**
   * The keys, loading them on first use.
   *
   * @throws DataKeysException while no usable keyset is configured
   */
  Keys keys() {
    Keys loaded = keys;
    if (loaded == null) {
      synchronized (this) {
        loaded = keys;
        if (loaded == null) {
          loaded = Keys.of(KeysetLoader.load(config, DEVELOPMENT_DIRECTORY.toAbsolutePath()));
          keys = loaded;
        }
      }
    }
    return loaded;
  }
}
