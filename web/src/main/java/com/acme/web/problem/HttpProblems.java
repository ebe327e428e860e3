package com.acme.web.problem;

import jakarta.ws.rs.core.Response;

/**
 * The problem for a bare HTTP status: used where the JAX-RS runtime or the security layer decided
 * the status, so that every such answer has the same stable type, title and actionable detail.
 */
public final class HttpProblems {

  private HttpProblems() {}

  public static Problem forStatus(int status) {
    return switch (status) {
      case 400 ->
          Problem.of(400, "bad-request", "Bad request", "The request could not be understood.");
      case 401 ->
          Problem.of(
              401,
              "unauthorized",
              "Authentication required",
              "Send a valid, unexpired bearer token (JWT) in the Authorization header.");
      case 403 ->
          Problem.of(
              403,
              "forbidden",
              "Forbidden",
              "Your token does not carry a role that may perform this operation.");
      case 404 ->
          Problem.of(
              404, "not-found", "Not found", "No resource exists at this path; check the URL.");
      case 405 ->
          Problem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              "This path does not support the HTTP method used; the Allow header lists those it"
                  + " does.");
      case 406 ->
          Problem.of(
              406,
              "not-acceptable",
              "Not acceptable",
              "This resource answers with application/json; accept that media type.");
      case 413 -> PayloadTooLarge.problem(0);
      case 415 ->
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "Send the request body as application/json with a matching Content-Type header.");
      default -> {
        Response.Status type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        yield Problem.of(status, "http-" + status, title, title + ".");
      }
    };
  }
}
