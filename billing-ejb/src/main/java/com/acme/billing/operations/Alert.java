package com.acme.billing.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An alert: a stable {@code kind} (the {@code alert} field), the customer it concerns if any, a few
 * named values, and a sentence for the person who reads it. Never a secret, a token or a payload.
 */
public record Alert(String kind, String customerId, Map<String, String> fields, String message) {

  public static final String PAYMENT_FAILED = "payment_failed";
  public static final String WEBHOOK_SIGNATURE_FAILURES = "webhook_signature_failures";
  public static final String WEBHOOK_EVENT_FAILING = "webhook_event_failing";
  public static final String DUPLICATE_SUBSCRIPTION = "duplicate_subscription";
  public static final String USAGE_LEVEL = "usage_level";

  /** What a value may hold in the line; anything else becomes {@code _} (no forged fields). */
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.:@/+-]");

  public Alert {
    fields = Map.copyOf(new LinkedHashMap<>(fields));
  }

  /**
   * The log line: {@code alert=<kind> customer=<id> <name>=<value> ...: <message>}, with the fields
   * in a stable (alphabetical) order so that searches and parsers can rely on it.
   */
  public String line() {
    StringBuilder line = new StringBuilder("alert=").append(kind);
    if (customerId != null) {
      line.append(" customer=").append(safe(customerId));
    }
    fields.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(safe(e.getValue())));
    return line.append(": ").append(message).toString();
  }

  static String safe(String value) {
    return value == null ? "-" : UNSAFE.matcher(value).replaceAll("_");
  }
}
