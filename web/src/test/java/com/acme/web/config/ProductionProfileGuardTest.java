package com.acme.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class ProductionProfileGuardTest {

  /** A complete production configuration except for the webhook secrets. */
  private static Map<String, String> productionWithoutWebhookSecrets() {
    Map<String, String> values = new HashMap<>();
    values.put("mp.jwt.verify.publickey.location", "https://idp.example/jwks");
    values.put("mp.jwt.verify.issuer", "https://idp.example");
    values.put("stripe.api.key", "sk_live_x");
    for (String tier : new String[] {"starter", "pro", "scale"}) {
      for (String period : new String[] {"monthly", "yearly"}) {
        values.put("stripe." + tier + "." + period + ".price-id", "price_live_" + tier + period);
      }
    }
    values.put("billing.redirect.allowed-origins", "https://app.example");
    return values;
  }

  private static ProductionProfileGuard guard(Map<String, String> values) {
    ProductionProfileGuard guard = new ProductionProfileGuard();
    guard.config = new MapConfig(values);
    return guard;
  }

  @Test
  void theSingularWebhookSecretIsEnoughForProduction() {
    Map<String, String> values = productionWithoutWebhookSecrets();
    values.put("stripe.webhook.secret", "whsec_live");
    assertThat(guard(values).problems()).isEmpty();
  }

  @Test
  void theWebhookSecretListIsEnoughForProduction() {
    Map<String, String> values = productionWithoutWebhookSecrets();
    values.put("stripe.webhook.secrets", "whsec_old,whsec_new");
    assertThat(guard(values).problems()).isEmpty();
  }

  @Test
  void withoutEitherWebhookSecretTheProblemNamesBothSettings() {
    assertThat(guard(productionWithoutWebhookSecrets()).problems())
        .singleElement()
        .asString()
        .contains("stripe.webhook.secret (STRIPE_WEBHOOK_SECRET)")
        .contains("stripe.webhook.secrets (STRIPE_WEBHOOK_SECRETS)");
  }

  /** Just enough of MicroProfile Config for the guard: string values from a map. */
  private record MapConfig(Map<String, String> values) implements Config {

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      String value = values.get(name);
      if (value == null) {
        return Optional.empty();
      }
      Object converted = type == Boolean.class ? (Object) Boolean.valueOf(value) : value;
      return Optional.of(type.cast(converted));
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
