package com.acme.web.problem;

import java.io.IOException;

/**
 * Raised while reading a request body that passes the configured size limit. An {@link IOException}
 * so that it travels through the JSON reader; the mappers look for it in the cause chain.
 */
public class PayloadTooLarge extends IOException {

  private final long limit;

  public PayloadTooLarge(long limit) {
    super("request body larger than " + limit + " bytes");
    this.limit = limit;
  }

  public Problem problem() {
    return problem(limit);
  }

  public static Problem problem(long limit) {
    return Problem.of(
        413,
        "payload-too-large",
        "Payload too large",
        limit > 0
            ? "The request body is larger than the limit of " + limit + " bytes."
            : "The request body is larger than the configured limit.");
  }
}
