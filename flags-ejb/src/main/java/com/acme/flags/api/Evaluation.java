package com.acme.flags.api;

/**
 * A flag evaluated for one subject. {@code reason} follows OpenFeature: {@code DISABLED} (off in
 * this environment), {@code SPLIT} (decided by the bucket), {@code ERROR} (no subject, unknown
 * flag, ...); {@code bucket} is the subject's bucket 1..100, or 0 when none was computed.
 */
public record Evaluation(String key, boolean enabled, int bucket, String reason) {
  public static final String DISABLED = "DISABLED";
  public static final String SPLIT = "SPLIT";
  public static final String ERROR = "ERROR";
}
