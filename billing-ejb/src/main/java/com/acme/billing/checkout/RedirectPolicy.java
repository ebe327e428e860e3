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
 * redirect. The {@code successUrl} may carry Stripe's template {@code {CHECKOUT_SESSION_ID}} in its
 * path, query or fragment (Stripe fills it in on redirect); it is validated with a stand-in token
 * and passed on unchanged. Any other brace is not a URL.
 */
@ApplicationScoped
public class RedirectPolicy {

  @Inject
  @ConfigProperty(name = "billing.redirect.allowed-origins", defaultValue = "http://localhost:9080")
  String allowedOrigins;

  /** Stripe's template in a success URL, replaced by the session's id on redirect. */
  static final String SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";

  /** Stands in for the placeholder while the URL is checked: URL-safe, like a session id. */
  private static final String SESSION_ID_STAND_IN = "cs_placeholder_0";

  private static final String SUCCESS_URL = "successUrl";

  /** Returns {@code url} unchanged when it may be used, else refuses it (400). */
  public String require(String field, String url) {
    if (url == null || url.isBlank()) {
      throw refused(field, "is required");
    }
    boolean templated = SUCCESS_URL.equals(field) && url.contains(SESSION_ID_PLACEHOLDER);
    String checked = templated ? url.replace(SESSION_ID_PLACEHOLDER, SESSION_ID_STAND_IN) : url;
    URI uri;
    try {
      uri = URI.create(checked);
    } catch (IllegalArgumentException e) {
      throw refused(field, "is not a URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw refused(field, "must be an absolute http(s) URL");
    }
    if (templated && uri.getRawAuthority().contains(SESSION_ID_STAND_IN)) {
      throw refused(field, "may not carry " + SESSION_ID_PLACEHOLDER + " in its origin");
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
        CheckoutRefusedException.Reason.REDIRECT_NOT_ALLOWED, field + " " + why);
  }
}
