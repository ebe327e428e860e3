package com.acme.it.support.hostile;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The operations of the served OpenAPI document, with their parameters and body schemas. */
public final class ApiDocument {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** A path, query or header parameter. */
  public record Parameter(String name, String in, boolean required, JsonObject schema) {}

  /** One method on one path. {@code bodySchema} is null when the operation takes no body. */
  public record Operation(
      String method,
      String path,
      List<Parameter> parameters,
      String bodyMediaType,
      JsonObject bodySchema,
      boolean secured) {

    public String id() {
      return method + " " + path;
    }
  }

  private final JsonObject document;
  private final List<Operation> operations = new ArrayList<>();

  public ApiDocument(JsonObject document) {
    this.document = document;
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        List<Parameter> parameters = new ArrayList<>();
        for (JsonArray list :
            new JsonArray[] {
              item.getJsonArray("parameters"), operation.getJsonArray("parameters")
            }) {
          if (list != null) {
            for (JsonValue p : list) {
              JsonObject parameter = resolve(p.asJsonObject());
              parameters.add(
                  new Parameter(
                      parameter.getString("name"),
                      parameter.getString("in"),
                      parameter.getBoolean("required", false),
                      resolve(parameter.getJsonObject("schema"))));
            }
          }
        }
        String mediaType = null;
        JsonObject bodySchema = null;
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (requestBody != null) {
          JsonObject content = resolve(requestBody).getJsonObject("content");
          mediaType =
              content.containsKey("application/json")
                  ? "application/json"
                  : content.keySet().iterator().next();
          bodySchema = resolve(content.getJsonObject(mediaType).getJsonObject("schema"));
        }
        boolean secured =
            operation.containsKey("security")
                ? !operation.getJsonArray("security").isEmpty()
                : document.containsKey("security") && !document.getJsonArray("security").isEmpty();
        operations.add(
            new Operation(
                method.toUpperCase(Locale.ROOT),
                path,
                List.copyOf(parameters),
                mediaType,
                bodySchema,
                secured));
      }
    }
  }

  public List<Operation> operations() {
    return operations;
  }

  /** The methods the document lists for a path. */
  public Set<String> methodsOf(String path) {
    JsonObject item = document.getJsonObject("paths").getJsonObject(path);
    return Set.copyOf(
        item.keySet().stream()
            .filter(METHODS::contains)
            .map(m -> m.toUpperCase(Locale.ROOT))
            .toList());
  }

  /** A schema with a {@code $ref} replaced by what it refers to (one level). */
  public JsonObject resolve(JsonObject schema) {
    if (schema == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonObject at = schema;
    for (int i = 0; i < 8 && at.containsKey("$ref"); i++) {
      String ref = at.getString("$ref");
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("unsupported $ref " + ref);
      }
      JsonObject target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.getJsonObject(part);
      }
      at = target;
    }
    return at;
  }
}
