package com.acme.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error so that clients can branch
 * on it; {@code detail} is for a person and never carries server internals.
 */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = new MediaType("application", "problem+json");
  private static final String TYPE_BASE = "https://billing.acme.example/problems/";

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final int status;

  private Problem(int status, String type, String title, String detail) {
    this.status = status;
    fields.put("type", TYPE_BASE + type);
    fields.put("title", title);
    fields.put("status", status);
    fields.put("detail", detail);
  }

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail);
  }

  public static Problem of(Response.Status status, String type, String title, String detail) {
    return new Problem(status.getStatusCode(), type, title, detail);
  }

  /** Adds an extension member, such as the fields that failed validation. */
  public Problem with(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  public Map<String, Object> body() {
    return fields;
  }

  public Response toResponse() {
    return toResponseBuilder().build();
  }

  public Response.ResponseBuilder toResponseBuilder() {
    return Response.status(status).type(MEDIA).entity(fields);
  }
}
