package com.acme.billing.overage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * What a customer set for one resource: top-ups on or off, and the monthly spend cap. Stored sealed
 * ({@link OverageStore}), as the small JSON document {@link #json} writes.
 */
public record OverageTerms(boolean enabled, long monthlyCapCents) {

  /** A resource the customer never set: off, no spending. */
  public static final OverageTerms NONE = new OverageTerms(false, 0);

  String json() {
    return Json.createObjectBuilder()
        .add("enabled", enabled)
        .add("monthlyCapCents", monthlyCapCents)
        .build()
        .toString();
  }

  static OverageTerms parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      return new OverageTerms(
          o.getBoolean("enabled"), o.getJsonNumber("monthlyCapCents").longValueExact());
    }
  }
}
