package com.acme.billing.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.billing.stripe.MapConfig;
import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the data keys come from, and that only the development profile goes without one. */
class KeysetLoaderTest {

  @TempDir Path dir;

  @Test
  void developmentMakesAKeyOnFirstStartSaysSoAndUsesTheSameKeyNextTime() throws Exception {
    List<String> logged = capture();

    KeysetHandle first = KeysetLoader.load(config("mp.config.profile", "development"), dir);
    KeysetHandle second = KeysetLoader.load(config("mp.config.profile", "development"), dir);

    Path file = dir.resolve(KeysetLoader.DEVELOPMENT_FILE_NAME);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(second.getPrimary().getId()).isEqualTo(first.getPrimary().getId());
    String keyset = Files.readString(file);
    assertThat(logged)
        .anyMatch(m -> m.contains("made a development key at " + file))
        .noneMatch(m -> m.contains(keyset));
    assertThat(dir.toFile().list()).containsExactly(KeysetLoader.DEVELOPMENT_FILE_NAME);
  }

  @Test
  void productionWithoutAKeyRefusesNamingBothSettingsAndMakesNone() {
    Throwable refused =
        catchThrowable(() -> KeysetLoader.load(config("mp.config.profile", "production"), dir));

    assertThat(refused)
        .isInstanceOf(DataKeysException.class)
        .hasMessageContaining("billing.data.keys (BILLING_DATA_KEYS)")
        .hasMessageContaining("billing.data.keys.file (BILLING_DATA_KEYS_FILE)");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aKeysetInlineOrInAFileIsUsedAndBothAtOnceAreRefused() throws Exception {
    String json = KeysetLoader.newKeysetJson();
    Path file = Files.writeString(dir.resolve("keys.json"), json);
    int id = KeysetLoader.parse(json, "x").getPrimary().getId();

    assertThat(
            KeysetLoader.load(
                    config("mp.config.profile", "production", "billing.data.keys", json), dir)
                .getPrimary()
                .getId())
        .isEqualTo(id);
    assertThat(
            KeysetLoader.load(
                    config(
                        "mp.config.profile",
                        "production",
                        "billing.data.keys.file",
                        file.toString()),
                    dir)
                .getPrimary()
                .getId())
        .isEqualTo(id);
    assertThat(
            catchThrowable(
                () ->
                    KeysetLoader.load(
                        config(
                            "billing.data.keys", json, "billing.data.keys.file", file.toString()),
                        dir)))
        .hasMessageContaining("are both set");
  }

  @Test
  void aKeysetFileThatCannotBeReadIsRefusedNamingTheSetting() {
    Path missing = dir.resolve("absent.json");

    Throwable refused =
        catchThrowable(
            () -> KeysetLoader.load(config("billing.data.keys.file", missing.toString()), dir));

    assertThat(refused)
        .isInstanceOf(DataKeysException.class)
        .hasMessage(
            "billing.data.keys.file (BILLING_DATA_KEYS_FILE) ("
                + missing
                + ") cannot be read (NoSuchFileException)");
  }

  @Test
  void aMalformedKeysetIsRefusedWithoutEchoingIt() {
    String broken = "{\"primaryKeyId\": 1, \"key\": [{\"keyData\": \"c2VjcmV0LWJ5dGVz\"}]}";

    Throwable refused =
        catchThrowable(() -> KeysetLoader.load(config("billing.data.keys", broken), dir));

    assertThat(refused)
        .isInstanceOf(DataKeysException.class)
        .hasMessageContaining("billing.data.keys (BILLING_DATA_KEYS) is not a Tink keyset in JSON")
        .hasMessageNotContaining("c2VjcmV0LWJ5dGVz");
  }

  private static MapConfig config(String... pairs) {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.put(pairs[i], pairs[i + 1]);
    }
    return new MapConfig(properties);
  }

  private static List<String> capture() {
    List<String> messages = new CopyOnWriteArrayList<>();
    Logger.getLogger(KeysetLoader.class.getName())
        .addHandler(
            new Handler() {
              @Override
              public void publish(LogRecord r) {
                messages.add(r.getMessage());
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            });
    return messages;
  }
}
