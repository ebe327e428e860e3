package com.acme.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.BillingModuleStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileGuardTest {

  /** A complete production configuration except for the webhook secrets. */
  private static Map<String, String> productionWithoutWebhookSecrets() {
    Map<String, String> values = new HashMap<>();
    values.put("mp.config.profile", "production");
    values.put("app.environment", "production");
    values.put("mp.jwt.verify.publickey.location", "https://idp.example/jwks");
    values.put("mp.jwt.verify.issuer", "https://idp.example");
    values.put("stripe.api.key", "sk_" + "live_x");
    for (String tier : new String[] {"starter", "pro", "scale"}) {
      for (String period : new String[] {"monthly", "yearly"}) {
        values.put("stripe." + tier + "." + period + ".price-id", "price_live_" + tier + period);
      }
    }
    values.put("billing.redirect.allowed-origins", "https://app.example");
    return values;
  }

  private static Map<String, String> production() {
    Map<String, String> values = productionWithoutWebhookSecrets();
    values.put("stripe.webhook.secret", "whsec_live");
    return values;
  }

  /** The default run: what microprofile-config.properties gives the development profile. */
  private static Map<String, String> development() {
    Map<String, String> values = new HashMap<>();
    values.put("mp.config.profile", "development");
    values.put("app.environment", "development");
    values.put("stripe.sandbox.enabled", "true");
    values.put("dev.token.enabled", "true");
    values.put("mp.jwt.verify.issuer", ProfileGuard.DEV_ISSUER);
    return values;
  }

  private static ProfileGuard guard(Map<String, String> values) {
    ProfileGuard guard = new ProfileGuard();
    guard.config = new MapConfig(values);
    guard.billing = new BillingRefusing(null);
    return guard;
  }

  /** The billing module's start-up verdict, as the guard asks for it. */
  private record BillingRefusing(String refusal) implements BillingModuleStatus {
    @Override
    public Optional<String> notReadyReason() {
      return Optional.empty();
    }

    @Override
    public Optional<String> startRefusal() {
      return Optional.ofNullable(refusal);
    }

    @Override
    public PaymentConfiguration paymentConfiguration() {
      return new PaymentConfiguration("sandbox", java.util.List.of());
    }
  }

  private static List<String> problems(Map<String, String> values) {
    return guard(values).problems();
  }

  @Test
  void theDefaultDevelopmentRunStarts() {
    assertThat(problems(development())).isEmpty();
    Map<String, String> withoutEnvironment = development();
    withoutEnvironment.remove("app.environment");
    assertThat(problems(withoutEnvironment)).isEmpty();
  }

  @Test
  void theBillingModulesRefusalIsNamedBesideTheConfigurationsOwnProblems() {
    Map<String, String> values = development();
    values.put("app.environment", "qa");
    ProfileGuard guard = guard(values);
    guard.billing = new BillingRefusing("billing.data.keys (BILLING_DATA_KEYS) cannot decrypt");

    assertThat(guard.problems())
        .anyMatch(p -> p.startsWith("app.environment (APP_ENVIRONMENT) is \"qa\""))
        .contains("billing.data.keys (BILLING_DATA_KEYS) cannot decrypt");
  }

  @Test
  void aCompleteProductionConfigurationStarts() {
    assertThat(problems(production())).isEmpty();
    Map<String, String> staging = production();
    staging.put("app.environment", "staging");
    staging.put("stripe.api.key", "sk_test_staging");
    assertThat(problems(staging)).isEmpty();
  }

  @Test
  void theSingularWebhookSecretIsEnoughForProduction() {
    Map<String, String> values = productionWithoutWebhookSecrets();
    values.put("stripe.webhook.secret", "whsec_live");
    assertThat(problems(values)).isEmpty();
  }

  @Test
  void theWebhookSecretListIsEnoughForProduction() {
    Map<String, String> values = productionWithoutWebhookSecrets();
    values.put("stripe.webhook.secrets", "whsec_old,whsec_new");
    assertThat(problems(values)).isEmpty();
  }

  @Test
  void withoutEitherWebhookSecretTheProblemNamesBothSettings() {
    assertThat(problems(productionWithoutWebhookSecrets()))
        .singleElement()
        .asString()
        .contains("stripe.webhook.secret (STRIPE_WEBHOOK_SECRET)")
        .contains("stripe.webhook.secrets (STRIPE_WEBHOOK_SECRETS)");
  }

  @Test
  void productionWithNothingSetNamesEverySetting() {
    Map<String, String> values = new HashMap<>();
    values.put("mp.config.profile", "production");
    values.put("mp.jwt.verify.issuer", ProfileGuard.DEV_ISSUER);
    assertThat(String.join("\n", problems(values)))
        .contains("app.environment (APP_ENVIRONMENT) is required in production")
        .contains("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)")
        .contains("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER)")
        .contains("stripe.api.key (STRIPE_API_KEY) is required")
        .contains("stripe.webhook.secret (STRIPE_WEBHOOK_SECRET)")
        .contains("stripe.starter.monthly.price-id (STRIPE_STARTER_MONTHLY_PRICE_ID)")
        .contains("stripe.scale.yearly.price-id (STRIPE_SCALE_YEARLY_PRICE_ID)")
        .contains("billing.redirect.allowed-origins (BILLING_REDIRECT_ALLOWED_ORIGINS)");
  }

  @Test
  void productionRefusesTheSandboxTheTokenCommandAndAStripeStandIn() {
    Map<String, String> values = production();
    values.put("stripe.sandbox.enabled", "true");
    values.put("dev.token.enabled", "TRUE");
    values.put("stripe.api.base", "http://localhost:12111");
    assertThat(problems(values))
        .hasSize(3)
        .anySatisfy(
            p -> assertThat(p).startsWith("stripe.sandbox.enabled (STRIPE_SANDBOX_ENABLED)"))
        .anySatisfy(p -> assertThat(p).startsWith("dev.token.enabled (DEV_TOKEN_ENABLED)"))
        .anySatisfy(p -> assertThat(p).startsWith("stripe.api.base (STRIPE_API_BASE)"));
    values.put("stripe.sandbox.enabled", "false");
    values.put("dev.token.enabled", "false");
    values.remove("stripe.api.base");
    assertThat(problems(values)).isEmpty();
  }

  @Test
  void productionRefusesTheSandboxPriceIds() {
    Map<String, String> values = production();
    values.put("stripe.pro.monthly.price-id", "price_pro_monthly");
    assertThat(problems(values))
        .singleElement()
        .asString()
        .startsWith("stripe.pro.monthly.price-id (STRIPE_PRO_MONTHLY_PRICE_ID)");
  }

  @Test
  void productionNeedsAKnownEnvironment() {
    Map<String, String> values = production();
    values.remove("app.environment");
    assertThat(problems(values))
        .singleElement()
        .asString()
        .startsWith("app.environment (APP_ENVIRONMENT) is required in production");
    values.put("app.environment", "prod");
    assertThat(problems(values))
        .singleElement()
        .asString()
        .isEqualTo(
            "app.environment (APP_ENVIRONMENT) is \"prod\"; it must be one of development,"
                + " staging, production");
  }

  @Test
  void anUnknownEnvironmentIsRefusedInDevelopmentToo() {
    Map<String, String> values = development();
    values.put("app.environment", "qa");
    assertThat(problems(values)).singleElement().asString().startsWith("app.environment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod", "Production", "production,eu", "staging"})
  void anUnknownProfileIsRefused(String profile) {
    Map<String, String> values = development();
    values.put("mp.config.profile", profile);
    assertThat(problems(values))
        .singleElement()
        .asString()
        .startsWith("mp.config.profile (MP_CONFIG_PROFILE) is \"" + profile + "\"");
  }

  @Test
  void theRetiredAppProfileMustAgreeWithTheProfileInForce() {
    Map<String, String> values = development();
    values.put("app.profile", "production");
    assertThat(problems(values))
        .singleElement()
        .asString()
        .startsWith("APP_PROFILE (app.profile) is \"production\" but the profile in force is")
        .contains("set MP_CONFIG_PROFILE=production");
    values.put("app.profile", "development");
    assertThat(problems(values)).isEmpty();
    Map<String, String> both = production();
    both.put("app.profile", "production");
    assertThat(problems(both)).isEmpty();
  }

  @ParameterizedTest
  // Live keys' prefixes, assembled so that no committed file looks like it holds a live key.
  @ValueSource(strings = {"sk_" + "live_51abcdef", "rk_" + "live_51abcdef", " sk_" + "live_x"})
  void developmentRefusesALiveStripeKeyWithoutPrintingIt(String key) {
    Map<String, String> values = development();
    values.put("stripe.api.key", key);
    assertThat(problems(values))
        .singleElement()
        .asString()
        .startsWith("stripe.api.key (STRIPE_API_KEY) is a live key")
        .doesNotContain(key.trim());
  }

  @Test
  void developmentAcceptsATestKey() {
    Map<String, String> values = development();
    values.put("stripe.api.key", "sk_test_51abcdef");
    assertThat(problems(values)).isEmpty();
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
