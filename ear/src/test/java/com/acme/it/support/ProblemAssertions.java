package com.acme.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** What every error answer must be: RFC 9457 problem+json with a stable type and no internals. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonObject problem = Http.json(response);
    assertThat(problem.getString("type")).endsWith("/problems/" + type);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }
}
