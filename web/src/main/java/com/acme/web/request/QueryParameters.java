package com.acme.web.request;

import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading query parameters that JAX-RS hands over as text, refusing them as problems. */
public final class QueryParameters {

  private QueryParameters() {}

  /** A 400 {@code invalid-parameter} naming the query parameter. */
  public static ProblemException invalid(String name, String detail) {
    return new ProblemException(
        Problem.of(400, "invalid-parameter", "Invalid parameter", detail)
            .with("field", name)
            .with("in", "query"));
  }

  /**
   * Refuses a page that cannot be read: {@code page} below 0, {@code size} outside 1..{@code
   * maxSize}, or a first row beyond the row numbers the database can be asked for.
   */
  public static void requirePage(int page, int size, int maxSize) {
    if (page < 0) {
      throw invalid("page", "page must be 0 or more.");
    }
    if (size < 1 || size > maxSize) {
      throw invalid("size", "size must be within 1.." + maxSize + ".");
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw invalid("page", "page is beyond the last possible page.");
    }
  }

  /** An ISO-8601 instant in UTC ({@code 2026-12-03T10:15:30Z}), or null when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, name + " must be an instant written as 2026-12-03T10:15:30Z.");
    }
  }

  /** An ISO date ({@code 2026-12-03}), or {@code fallback} when the parameter is absent. */
  public static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    if (value.length() != 10) {
      throw invalid(name, name + " must be a date written as YYYY-MM-DD.");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, name + " must be a date written as YYYY-MM-DD.");
    }
  }
}
