package com.acme.billing.checkout;

import com.acme.billing.api.CheckoutRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Stripe may send the browser back to: only the configured origins ({@code
 * billing.redirect.allowed-origins}), so that checkout and portal cannot be used as an open
 * redirect.
 */
@ApplicationScoped
public class RedirectPolicy {

  @Inject
  @ConfigProperty(name = "billing.redirect.allowed-origins", defaultValue = "http://localhost:9080")
  String allowedOrigins;

  public String require(String field, String url) {
    if (url == null || url.isBlank()) {
      throw refused(field, "is required");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw refused(field, "is not a URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw refused(field, "must be an absolute http(s) URL");
    }
    String origin =
        uri.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    if (!origins().contains(origin)) {
      throw refused(field, "must be on an allowed origin " + origins());
    }
    return url;
  }

  private List<String> origins() {
    return Arrays.stream(allowedOrigins.split(","))
        .map(String::trim)
        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
        .map(o -> o.toLowerCase(Locale.ROOT))
        .toList();
  }

  private static CheckoutRefusedException refused(String field, String why) {
    return new CheckoutRefusedException(
        400, CheckoutRefusedException.REDIRECT_NOT_ALLOWED, field + " " + why);
  }
}
