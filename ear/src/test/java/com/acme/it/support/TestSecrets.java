package com.acme.it.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The secrets the test servers are configured with, as the tests know them: the IT server's (from
 * ear/pom.xml) and the fake production ones {@code ProfilesIT} starts the peer with. None is real.
 * {@code NoSecretsInLogsIT} searches every server log of the run for each of them.
 */
public final class TestSecrets {

  /**
   * Has a live Stripe key's prefix; never valid anywhere. Assembled here so that no committed file
   * holds anything a secret scanner would take for a live key.
   */
  public static final String LIVE_STRIPE_KEY = "sk_" + "live_" + "itonly0000fake5e3c9b1d2a";

  public static final String PRODUCTION_WEBHOOK_SECRET = "whsec_itonly_production_7c41e0";

  private TestSecrets() {}

  public static String itStripeKey() {
    return ItConfig.get("it.stripe.api.key");
  }

  public static List<String> itWebhookSecrets() {
    return Arrays.stream(ItConfig.get("it.stripe.webhook.secrets").split(","))
        .map(String::trim)
        .toList();
  }

  /** The data keyset of the servers on the test database (JSON, as BILLING_DATA_KEYS takes it). */
  public static String itDataKeys() {
    return ItConfig.get("it.billing.data.keys");
  }

  /** The key bytes (base64) of a one-key Tink keyset in JSON: what must never be logged. */
  public static String keyMaterial(String keysetJson) {
    return keysetJson.replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");
  }

  /** Every configured secret of the run's servers. */
  public static List<String> configured() {
    List<String> all = new ArrayList<>();
    all.add(itStripeKey());
    all.addAll(itWebhookSecrets());
    all.add(LIVE_STRIPE_KEY);
    all.add(PRODUCTION_WEBHOOK_SECRET);
    all.add(keyMaterial(itDataKeys()));
    return all;
  }
}
