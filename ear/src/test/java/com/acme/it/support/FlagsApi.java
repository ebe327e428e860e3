package com.acme.it.support;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;

/** Flag calls the tests make, through real HTTP with an admin token. */
public final class FlagsApi {

  public static final String BILLING_V2 = "billing_v2";
  private final Http http;

  public FlagsApi(Http http) {
    this.http = http;
  }

  public static FlagsApi testServer() {
    return new FlagsApi(Http.testServer());
  }

  public HttpResponse<String> patch(String key, String json, String ifMatch, String token) {
    return http.send(
        "PATCH",
        "/flags/" + key,
        token,
        ifMatch == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", "If-Match", ifMatch),
        json);
  }

  /** Sets the running environment's state of a flag, as an admin, and checks it was applied. */
  public JsonObject set(String key, boolean enabled, int percentage) {
    HttpResponse<String> response =
        patch(
            key,
            "{\"enabled\":%s,\"rolloutPercentage\":%d}".formatted(enabled, percentage),
            null,
            Tokens.admin());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "PATCH " + key + ": " + response.statusCode() + " " + response.body());
    }
    return Http.json(response);
  }

  public JsonObject evaluate(String key, String subject) {
    HttpResponse<String> response =
        http.get("/flags/" + key + "/evaluate?subject=" + subject, Tokens.service());
    if (response.statusCode() != 200) {
      throw new AssertionError("evaluate: " + response.statusCode() + " " + response.body());
    }
    return Http.json(response);
  }

  public HttpResponse<String> get(String key) {
    return http.get("/flags/" + key, Tokens.admin());
  }
}
