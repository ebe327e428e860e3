package com.acme.web.config;

import com.acme.billing.api.BillingModuleStatus;
import com.acme.flags.api.Environments;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start the application, naming every setting at fault, while the configuration is not
 * one this profile may run with:
 *
 * <ul>
 *   <li>any profile: {@code mp.config.profile} is not {@code development} or {@code production};
 *       the retired {@code APP_PROFILE} says another profile than the one in force; {@code
 *       APP_ENVIRONMENT} is not a known environment;
 *   <li>development: a live Stripe key ({@code sk_live_}, {@code rk_live_}): real money needs the
 *       production profile;
 *   <li>production: {@code APP_ENVIRONMENT} is missing; the Stripe sandbox or the development token
 *       command is on; a Stripe API base is set; the Stripe key, webhook secret, price ids,
 *       redirect origins or the identity provider's key and issuer are missing or are the
 *       development ones;
 *   <li>what the billing module refuses ({@link BillingModuleStatus#startRefusal}): data keys that
 *       are missing where required, unreadable, or cannot open what the database holds.
 * </ul>
 *
 * The message never carries a secret's value.
 */
@ApplicationScoped
public class ProfileGuard {

  private static final Logger LOG = Logger.getLogger(ProfileGuard.class.getName());
  static final String DEV_ISSUER = "https://dev.billing.local";
  private static final String DEV_PUBLIC_KEY = "/dev-jwt/public.pem";
  private static final List<String> LIVE_KEY_PREFIXES = List.of("sk_live_", "rk_live_");

  @Inject Config config;

  @EJB BillingModuleStatus billing;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      String message = "Refusing to start: " + String.join("; ", problems);
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
    LOG.info(
        "Configuration profile "
            + AppProfile.name(config)
            + ", flag environment "
            + value("app.environment").orElse(Environments.DEVELOPMENT));
  }

  /** What stands between this configuration and a start in its profile. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    String profile = AppProfile.name(config);
    if (!AppProfile.KNOWN.contains(profile)) {
      problems.add(
          "mp.config.profile (MP_CONFIG_PROFILE) is \""
              + profile
              + "\"; it must be development or production");
    }
    value("app.profile")
        .filter(legacy -> !legacy.trim().equals(profile))
        .ifPresent(
            legacy ->
                problems.add(
                    "APP_PROFILE (app.profile) is \""
                        + legacy.trim()
                        + "\" but the profile in force is \""
                        + profile
                        + "\": the profile is now mp.config.profile; set MP_CONFIG_PROFILE="
                        + legacy.trim()
                        + " and remove APP_PROFILE"));
    Optional<String> environment = value("app.environment").map(String::trim);
    if (environment.isPresent() && !Environments.ALL.contains(environment.get())) {
      problems.add(
          "app.environment (APP_ENVIRONMENT) is \""
              + environment.get()
              + "\"; it must be one of "
              + String.join(", ", Environments.ALL));
    }
    if (AppProfile.DEVELOPMENT.equals(profile)) {
      if (value("stripe.api.key").filter(ProfileGuard::isLiveKey).isPresent()) {
        problems.add(
            "stripe.api.key (STRIPE_API_KEY) is a live key, which the development profile refuses;"
                + " run live keys with MP_CONFIG_PROFILE=production");
      }
    }
    alertUrlProblem(AppProfile.PRODUCTION.equals(profile)).ifPresent(problems::add);
    billing.startRefusal().ifPresent(problems::add);
    if (AppProfile.PRODUCTION.equals(profile)) {
      if (environment.isEmpty()) {
        problems.add(
            "app.environment (APP_ENVIRONMENT) is required in production: one of "
                + String.join(", ", Environments.ALL));
      }
      problems.addAll(productionProblems());
    }
    return problems;
  }

  private List<String> productionProblems() {
    List<String> problems = new ArrayList<>();
    if (flag("stripe.sandbox.enabled")) {
      problems.add("stripe.sandbox.enabled (STRIPE_SANDBOX_ENABLED) must be false in production");
    }
    if (flag("dev.token.enabled")) {
      problems.add("dev.token.enabled (DEV_TOKEN_ENABLED) must be false in production");
    }
    Optional<String> inlineKey = value("mp.jwt.verify.publickey");
    Optional<String> keyLocation = value("mp.jwt.verify.publickey.location");
    Optional<String> jwksKey = inlineKey.or(() -> keyLocation.flatMap(this::readKey));
    if (jwksKey.isEmpty()) {
      problems.add(
          "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION) must name the"
              + " identity provider's public key or JWKS");
    } else if (normalise(jwksKey.get()).equals(normalise(developmentKey()))) {
      problems.add(
          "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION) points at the"
              + " development key; set the identity provider's key");
    }
    if (value("mp.jwt.verify.issuer").filter(i -> !i.equals(DEV_ISSUER)).isEmpty()) {
      problems.add(
          "mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER) must be the identity provider's issuer");
    }
    if (value("stripe.api.key").isEmpty()) {
      problems.add("stripe.api.key (STRIPE_API_KEY) is required");
    }
    if (value("stripe.api.base").isPresent()) {
      problems.add(
          "stripe.api.base (STRIPE_API_BASE) must not be set in production: it sends the Stripe"
              + " key to a stand-in instead of Stripe");
    }
    if (value("stripe.webhook.secret").isEmpty() && value("stripe.webhook.secrets").isEmpty()) {
      problems.add(
          "stripe.webhook.secret (STRIPE_WEBHOOK_SECRET) or stripe.webhook.secrets"
              + " (STRIPE_WEBHOOK_SECRETS) is required");
    }
    for (String tier : new String[] {"starter", "pro", "scale"}) {
      for (String period : new String[] {"monthly", "yearly"}) {
        String name = "stripe." + tier + "." + period + ".price-id";
        String sandboxDefault = "price_" + tier + "_" + period;
        if (value(name).filter(v -> !v.equals(sandboxDefault)).isEmpty()) {
          problems.add(
              name
                  + " (STRIPE_"
                  + tier.toUpperCase(Locale.ROOT)
                  + "_"
                  + period.toUpperCase(Locale.ROOT)
                  + "_PRICE_ID) must be the account's Stripe price id");
        }
      }
    }
    if (value("billing.redirect.allowed-origins").filter(v -> !v.contains("localhost")).isEmpty()) {
      problems.add(
          "billing.redirect.allowed-origins (BILLING_REDIRECT_ALLOWED_ORIGINS) must name the"
              + " platform's origins");
    }
    return problems;
  }

  /**
   * The alert webhook, if set, must be an absolute http(s) URL (https in production: alerts name
   * customers); its value is never echoed, since chat webhooks carry their token in it.
   */
  private Optional<String> alertUrlProblem(boolean production) {
    Optional<URI> url =
        value("billing.alert.webhook-url")
            .map(
                v -> {
                  try {
                    return URI.create(v.trim());
                  } catch (IllegalArgumentException e) {
                    return URI.create("invalid:");
                  }
                });
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String scheme = url.get().getScheme();
    boolean https = "https".equals(scheme);
    if ((https || (!production && "http".equals(scheme))) && url.get().getHost() != null) {
      return Optional.empty();
    }
    return Optional.of(
        "billing.alert.webhook-url (BILLING_ALERT_WEBHOOK_URL) must be an absolute "
            + (production ? "https" : "http(s)")
            + " URL");
  }

  static boolean isLiveKey(String key) {
    String trimmed = key.trim();
    return LIVE_KEY_PREFIXES.stream().anyMatch(trimmed::startsWith);
  }

  private Optional<String> value(String name) {
    return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
  }

  /** A boolean setting; anything but a clear "false" counts as on (fail closed). */
  private boolean flag(String name) {
    return value(name).map(v -> !v.trim().equalsIgnoreCase("false")).orElse(false);
  }

  private Optional<String> readKey(String location) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return Optional.of(location); // a JWKS endpoint: never the development key
    }
    try {
      Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      return Optional.of(Files.readString(path, StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String developmentKey() {
    try (InputStream in = ProfileGuard.class.getResourceAsStream(DEV_PUBLIC_KEY)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  private static String normalise(String key) {
    return key.replaceAll("\\s", "");
  }
}
