package com.acme.billing.webhook;

import com.acme.billing.stripe.SandboxSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook signing secrets: {@code stripe.webhook.secret} ({@code STRIPE_WEBHOOK_SECRET}, the
 * one secret as Stripe's docs name it) and {@code stripe.webhook.secrets} ({@code
 * STRIPE_WEBHOOK_SECRETS}, comma-separated: while a secret rolls, events signed with either
 * verify). Either or both may be set; the secrets are their union. Without any, the built-in
 * sandbox's (public) secret is used only while the sandbox serves ({@code stripe.sandbox.enabled},
 * on only in the development profile, and no Stripe key): never beside a real key. The production
 * profile refuses to start without real ones.
 */
@ApplicationScoped
public class WebhookSecrets {

  /** Signs the sandbox's events in the development profile only. Not a secret. */
  public static final String SANDBOX_SECRET = "whsec_sandbox_development_only";

  @Inject
  @ConfigProperty(name = "stripe.webhook.secrets")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "stripe.webhook.secret")
  Optional<String> single;

  /** On only in the development profile ({@code %development.} in microprofile-config). */
  @Inject
  @ConfigProperty(name = "stripe.sandbox.enabled", defaultValue = "false")
  boolean sandboxEnabled;

  @Inject
  @ConfigProperty(name = "stripe.api.key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "stripe.webhook.tolerance-seconds", defaultValue = "300")
  long toleranceSeconds;

  public List<String> secrets() {
    List<String> secrets =
        Stream.concat(
                configured.stream().flatMap(s -> Arrays.stream(s.split(","))), single.stream())
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (secrets.isEmpty() && SandboxSwitch.serves(sandboxEnabled, apiKey)) {
      return List.of(SANDBOX_SECRET);
    }
    return secrets;
  }

  public long toleranceSeconds() {
    return toleranceSeconds;
  }
}
