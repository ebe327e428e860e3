package com.acme.web.config;

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
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * With {@code app.profile=production} the application refuses to start while a development
 * convenience is on (development JWT key or issuer, Stripe sandbox) or a real setting is missing,
 * and names each setting. Development tokens are off in production by construction.
 */
@ApplicationScoped
public class ProductionProfileGuard {

  private static final Logger LOG = Logger.getLogger(ProductionProfileGuard.class.getName());
  static final String DEV_ISSUER = "https://dev.billing.local";
  private static final String DEV_PUBLIC_KEY = "/dev-jwt/public.pem";

  @Inject AppProfile profile;
  @Inject Config config;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!AppProfile.PRODUCTION.equals(profile.name()) && !profile.isDevelopment()) {
      fail(List.of("app.profile (APP_PROFILE) must be development or production"));
    }
    if (AppProfile.PRODUCTION.equals(profile.name())) {
      List<String> problems = problems();
      if (!problems.isEmpty()) {
        fail(problems);
      }
    }
  }

  /** What stands between this configuration and a production start. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
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
                  + tier.toUpperCase(java.util.Locale.ROOT)
                  + "_"
                  + period.toUpperCase(java.util.Locale.ROOT)
                  + "_PRICE_ID) must be the account's Stripe price id");
        }
      }
    }
    if (value("billing.redirect.allowed-origins").filter(v -> !v.contains("localhost")).isEmpty()) {
      problems.add(
          "billing.redirect.allowed-origins (BILLING_REDIRECT_ALLOWED_ORIGINS) must name the"
              + " platform's origins");
    }
    if (config.getOptionalValue("stripe.sandbox.enabled", Boolean.class).orElse(false)) {
      problems.add("stripe.sandbox.enabled (STRIPE_SANDBOX_ENABLED) must be false");
    }
    return problems;
  }

  private Optional<String> value(String name) {
    return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
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
    try (InputStream in = ProductionProfileGuard.class.getResourceAsStream(DEV_PUBLIC_KEY)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  private static String normalise(String key) {
    return key.replaceAll("\\s", "");
  }

  private static void fail(List<String> problems) {
    String message = "Refusing to start: " + String.join("; ", problems);
    LOG.severe(message);
    throw new IllegalStateException(message);
  }
}
