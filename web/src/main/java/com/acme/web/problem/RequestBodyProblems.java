package com.acme.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

/** Turns failures while reading a request body into 400 (malformed) or 413 (too large). */
public final class RequestBodyProblems {

  private RequestBodyProblems() {}

  /** The problem answer for a body-reading failure, or {@code null} if this is not one. */
  public static Response toResponse(Throwable exception) {
    boolean bodyFailure = false;
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLarge tooLarge) {
        return tooLarge.problem().toResponse();
      }
      if (t instanceof JsonbException
          || t instanceof JsonParsingException
          || t instanceof ProcessingException) {
        bodyFailure = true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (!bodyFailure) {
      return null;
    }
    return Problem.of(
            400,
            "malformed-request-body",
            "Malformed request body",
            "The request body is not valid JSON of the expected shape: check the syntax, the field"
                + " names and the value types.")
        .toResponse();
  }
}
