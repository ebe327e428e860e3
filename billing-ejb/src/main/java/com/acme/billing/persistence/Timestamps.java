package com.acme.billing.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Timestamps as native queries return them (the type depends on driver and database), as UTC. */
public final class Timestamps {

  private Timestamps() {}

  public static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
