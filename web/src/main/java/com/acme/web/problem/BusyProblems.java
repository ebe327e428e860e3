package com.acme.web.problem;

import com.acme.billing.api.TransientFailures;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Transient concurrency failures (a lock not obtained in time, a deadlock, a serialisation failure,
 * a lost optimistic race; see {@link TransientFailures}) as 503 {@code busy} with {@code
 * Retry-After}: the same request is expected to succeed when sent again, so it is not a 500.
 */
public final class BusyProblems {

  /** Seconds a client should wait before sending the request again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  private static final Logger LOG = Logger.getLogger(BusyProblems.class.getName());

  private BusyProblems() {}

  public static Problem problem(String detail) {
    return Problem.of(503, "busy", "Busy, retry shortly", detail);
  }

  /** The 503 answer for a transient concurrency failure, or {@code null} if this is not one. */
  static Response toResponse(Throwable exception) {
    if (!TransientFailures.isTransient(exception)) {
      return null;
    }
    LOG.log(Level.WARNING, "Transient concurrency failure, answered 503: {0}", rootOf(exception));
    return problem(
            "The request met a conflicting change or a lock held too long. Send it again in "
                + RETRY_AFTER_SECONDS
                + " s.")
        .toResponseBuilder()
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }

  private static String rootOf(Throwable exception) {
    Throwable t = exception;
    for (int i = 0; i < 64 && t.getCause() != null && t.getCause() != t; i++) {
      t = t.getCause();
    }
    return t.getClass().getName() + ": " + t.getMessage();
  }
}
