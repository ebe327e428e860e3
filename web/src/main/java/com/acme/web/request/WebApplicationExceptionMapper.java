package com.acme.web.request;

import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import com.acme.web.problem.UnexpectedExceptionMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Unknown paths, wrong methods, unsupported media types and the like, as problems. The runtime's
 * own message is never copied: it carries the full request URL.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Problem cause = problemCause(exception);
    if (cause != null) {
      return cause.toResponse();
    }
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status >= 500) {
      return UnexpectedExceptionMapper.internalError(exception);
    }
    if (original != null && Problem.MEDIA.isCompatible(original.getMediaType())) {
      return original;
    }
    Response.ResponseBuilder answer = HttpProblems.forStatus(status).toResponseBuilder();
    if (original != null) {
      copyHeader(original, answer, HttpHeaders.ALLOW);
      copyHeader(original, answer, HttpHeaders.WWW_AUTHENTICATE);
      copyHeader(original, answer, HttpHeaders.RETRY_AFTER);
    }
    return answer.build();
  }

  /**
   * The problem a provider of ours raised inside the runtime (e.g. a parameter converter), which
   * the runtime wrapped in a 404 or 400 of its own.
   */
  private static Problem problemCause(Throwable exception) {
    for (Throwable t = exception.getCause();
        t != null;
        t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException p) {
        return p.problem();
      }
    }
    return null;
  }

  private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
    String value = from.getHeaderString(name);
    if (value != null) {
      to.header(name, value);
    }
  }
}
