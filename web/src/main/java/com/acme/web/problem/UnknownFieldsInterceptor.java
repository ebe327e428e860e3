package com.acme.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a JSON body with a field the request type does not have (400 listing them), so that a
 * misspelt field such as {@code "enfroce": false} is an error instead of silently ignored. Request
 * types are records; JSON-B's own switch for this does not apply to records.
 */
@Provider
public class UnknownFieldsInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!context.getType().isRecord()
        || context.getMediaType() == null
        || !context.getMediaType().getSubtype().endsWith("json")) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    String json = new String(body, StandardCharsets.UTF_8);
    List<String> unknown = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      collectUnknown(value, context.getType(), "", unknown);
    } catch (JsonParsingException | IllegalStateException e) {
      // Not JSON at all: the JSON reader that follows reports it as malformed.
    }
    if (!unknown.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "unknown-fields",
                  "Unknown fields",
                  "The request has fields this operation does not know: "
                      + String.join(", ", unknown)
                      + ". Check their spelling.")
              .with("unknownFields", unknown));
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static void collectUnknown(
      JsonValue value, Class<?> type, String path, List<String> out) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT || !type.isRecord()) {
      return;
    }
    JsonObject object = value.asJsonObject();
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    for (String name : object.keySet()) {
      if (!known.contains(name)) {
        out.add(path + name);
      }
    }
    for (RecordComponent component : components) {
      JsonValue nested = object.get(component.getName());
      if (nested != null) {
        collectUnknown(nested, component.getType(), path + component.getName() + ".", out);
      }
    }
  }
}
