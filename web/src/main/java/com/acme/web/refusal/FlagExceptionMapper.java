package com.acme.web.refusal;

import com.acme.flags.api.FlagException;
import com.acme.web.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The flags module's refusals as problems. */
@Provider
public class FlagExceptionMapper implements ExceptionMapper<FlagException> {

  @Override
  public Response toResponse(FlagException e) {
    Problem problem =
        switch (e.kind()) {
          case NOT_FOUND ->
              Problem.of(404, "flag-not-found", "Flag not found", e.getMessage() + ".");
          case ALREADY_EXISTS ->
              Problem.of(
                  409,
                  "flag-exists",
                  "Flag exists",
                  e.getMessage() + "; change it with PATCH or PUT.");
          case STALE_VERSION ->
              Problem.of(412, "stale-flag-version", "Stale flag version", e.getMessage() + ".");
          case PROTECTED ->
              Problem.of(409, "flag-protected", "Flag protected", e.getMessage() + ".");
          case INVALID ->
              Problem.of(400, "invalid-flag", "Invalid flag change", e.getMessage() + ".");
        };
    if (e.field() != null) {
      problem.with("field", e.field());
    }
    return problem.toResponse();
  }
}
