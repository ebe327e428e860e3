package com.acme.web.config;

import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The configuration profile: MicroProfile Config's own {@code mp.config.profile} ({@code
 * MP_CONFIG_PROFILE}), which also makes the {@code %<profile>.} properties of
 * microprofile-config.properties win. {@code development} (the default: embedded database, Stripe
 * sandbox, development tokens) or {@code production} (real identity provider and Stripe required);
 * {@link ProfileGuard} refuses to start with any other.
 */
public final class AppProfile {

  public static final String PROPERTY = "mp.config.profile";
  public static final String DEVELOPMENT = "development";
  public static final String PRODUCTION = "production";
  public static final List<String> KNOWN = List.of(DEVELOPMENT, PRODUCTION);

  private AppProfile() {}

  /** The profile's name as configured (trimmed), or "" when none is set. */
  public static String name(Config config) {
    return config.getOptionalValue(PROPERTY, String.class).map(String::trim).orElse("");
  }
}
