package com.acme.flags.api;

import jakarta.ejb.ApplicationException;

/** A refusal of the flags module; {@link #kind()} says which, for a stable problem type. */
@ApplicationException(rollback = false)
public class FlagException extends RuntimeException {

  public enum Kind {
    NOT_FOUND,
    ALREADY_EXISTS,
    STALE_VERSION,
    INVALID,
    PROTECTED
  }

  private final Kind kind;
  private final String field;

  public FlagException(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public static FlagException notFound(String key) {
    return new FlagException(Kind.NOT_FOUND, null, "no flag named " + key);
  }

  public static FlagException invalid(String field, String message) {
    return new FlagException(Kind.INVALID, field, message);
  }

  public Kind kind() {
    return kind;
  }

  public String field() {
    return field;
  }
}
