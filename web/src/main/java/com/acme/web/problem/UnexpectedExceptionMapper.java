package com.acme.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A transient concurrency failure (lock timeout, deadlock, serialisation failure)
 * is a 503 {@code busy} with {@code Retry-After} ({@link BusyProblems}). Otherwise the stack trace
 * goes to the log under an incident id that the answer repeats, so support can find it; the caller
 * never sees server internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    Response mapped = RequestBodyProblems.toResponse(exception);
    if (mapped == null) {
      mapped = BusyProblems.toResponse(exception);
    }
    return mapped != null ? mapped : internalError(exception);
  }

  public static Response internalError(Throwable exception) {
    return incident(exception).toResponse();
  }

  /** A 500 problem with a new incident id, logged at SEVERE with the stack trace. */
  public static Problem incident(Throwable exception) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
    return Problem.of(
            500,
            "internal-error",
            "Internal server error",
            "The server could not complete the request. Quote incident "
                + incident
                + " to support.")
        .with("incident", incident);
  }
}
