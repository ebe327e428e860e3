package com.acme.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

  /** A live key's prefix, assembled so that no committed file looks like it holds one. */
  private static final String LIVE_KEY = "sk_" + "live_x";

  /** {@code profile}: the sandbox is enabled in development only, as microprofile-config says. */
  private static WebhookSecrets secrets(String list, String single, String profile, String key) {
    WebhookSecrets secrets = new WebhookSecrets();
    secrets.configured = Optional.ofNullable(list);
    secrets.single = Optional.ofNullable(single);
    secrets.sandboxEnabled = "development".equals(profile);
    secrets.apiKey = Optional.ofNullable(key);
    return secrets;
  }

  @Test
  void theSingularSettingStripeDocumentsIsRead() {
    assertThat(secrets(null, "whsec_one", "production", LIVE_KEY).secrets())
        .containsExactly("whsec_one");
  }

  @Test
  void theCommaSeparatedListIsStillRead() {
    assertThat(secrets("whsec_a, whsec_b", null, "production", LIVE_KEY).secrets())
        .containsExactly("whsec_a", "whsec_b");
  }

  @Test
  void bothSettingsTogetherGiveTheirUnionWithoutDuplicates() {
    assertThat(secrets("whsec_a,whsec_b", " whsec_b ", "production", LIVE_KEY).secrets())
        .containsExactly("whsec_a", "whsec_b");
    assertThat(secrets("whsec_a", "whsec_c", "production", LIVE_KEY).secrets())
        .containsExactlyInAnyOrder("whsec_a", "whsec_c");
  }

  @Test
  void theSingularSecretReplacesTheSandboxSecretInDevelopment() {
    assertThat(secrets(null, "whsec_one", "development", null).secrets())
        .containsExactly("whsec_one");
    assertThat(secrets(null, " ", "development", null).secrets())
        .containsExactly(WebhookSecrets.SANDBOX_SECRET);
  }

  @Test
  void withoutTheSandboxThereIsNoSandboxSecret() {
    assertThat(secrets(null, null, "production", null).secrets()).isEmpty();
  }

  @Test
  void withNeitherSettingAndARealKeyThereIsNoSecret() {
    assertThat(secrets(null, null, "development", "sk_test_x").secrets()).isEmpty();
  }
}
