package com.acme.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code app.profile}: {@code development} (the default run: embedded database, Stripe sandbox,
 * development tokens) or {@code production} (real identity provider and Stripe required).
 */
@ApplicationScoped
public class AppProfile {

  public static final String DEVELOPMENT = "development";
  public static final String PRODUCTION = "production";

  @Inject
  @ConfigProperty(name = "app.profile", defaultValue = DEVELOPMENT)
  String profile;

  public boolean isDevelopment() {
    return DEVELOPMENT.equalsIgnoreCase(profile.trim());
  }

  public String name() {
    return profile.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
