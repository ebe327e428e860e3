package com.acme.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the API under test: real requests, no client-side shortcuts. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  public static Http testServer() {
    return new Http(ItConfig.baseUri());
  }

  public HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  public HttpResponse<String> post(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> send(
      String method, String path, String token, Map<String, String> headers, String body) {
    HttpRequest.Builder builder = request(path, token);
    headers.forEach(builder::header);
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(builder);
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  public static HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /** One named check of a health answer (their order is not fixed). */
  public static JsonObject healthCheck(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> name.equals(c.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
