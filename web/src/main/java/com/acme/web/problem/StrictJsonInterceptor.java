package com.acme.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds JSON request bodies to their record type before JSON-B reads them: a field the record does
 * not have is a 400 {@code unknown-fields} (so {@code "enfroce": false} cannot go unnoticed), and a
 * value of the wrong JSON type is a 400 {@code malformed-request-body} (JSON-B would read {@code
 * "enabled": "yes"} as false). JSON-B's own unknown-property switch does not apply to records.
 */
@Provider
public class StrictJsonInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!context.getType().isRecord()
        || context.getMediaType() == null
        || !context.getMediaType().getSubtype().endsWith("json")) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    Findings findings = new Findings();
    try (JsonReader reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      check(reader.readValue(), context.getType(), context.getType(), "", findings);
    } catch (JsonParsingException | IllegalStateException e) {
      // Not JSON at all: the JSON reader that follows reports it as malformed.
    }
    if (!findings.unknown.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "unknown-fields",
                  "Unknown fields",
                  "The request has fields this operation does not know: "
                      + String.join(", ", findings.unknown)
                      + ". Check their spelling.")
              .with("unknownFields", findings.unknown));
    }
    if (!findings.wrongType.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "malformed-request-body",
                  "Malformed request body",
                  "Some fields have a value of the wrong type: "
                      + String.join(", ", findings.wrongType)
                      + ".")
              .with("invalidFields", findings.wrongType));
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static final class Findings {
    final List<String> unknown = new ArrayList<>();
    final List<String> wrongType = new ArrayList<>();
  }

  private static void check(
      JsonValue value, Class<?> type, Type generic, String path, Findings out) {
    ValueType actual = value.getValueType();
    if (actual == ValueType.NULL) {
      if (type.isPrimitive()) {
        out.wrongType.add(name(path) + " (must not be null)");
      }
      return;
    }
    String expected = expectedJsonType(type);
    if (expected != null && !matches(expected, actual)) {
      out.wrongType.add(name(path) + " (expected " + expected + ")");
      return;
    }
    if (type.isRecord()) {
      checkRecord(value.asJsonObject(), type, path, out);
    } else if (Map.class.isAssignableFrom(type)
        && generic instanceof ParameterizedType map
        && map.getActualTypeArguments()[1] instanceof Class<?> valueType) {
      value.asJsonObject().forEach((k, v) -> check(v, valueType, valueType, path + k + ".", out));
    }
  }

  private static void checkRecord(JsonObject object, Class<?> type, String path, Findings out) {
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    for (String field : object.keySet()) {
      if (!known.contains(field)) {
        out.unknown.add(path + field);
      }
    }
    for (RecordComponent component : components) {
      JsonValue nested = object.get(component.getName());
      if (nested != null) {
        check(
            nested,
            component.getType(),
            component.getGenericType(),
            path + component.getName() + ".",
            out);
      }
    }
  }

  /** The JSON type a Java type is read from, or null when any is acceptable. */
  private static String expectedJsonType(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    if (type == String.class || type.getName().startsWith("java.time.")) {
      return "string";
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type)) {
      return "object";
    }
    return null;
  }

  private static boolean matches(String expected, ValueType actual) {
    return switch (expected) {
      case "boolean" -> actual == ValueType.TRUE || actual == ValueType.FALSE;
      case "number" -> actual == ValueType.NUMBER;
      case "string" -> actual == ValueType.STRING;
      case "object" -> actual == ValueType.OBJECT;
      default -> true;
    };
  }

  private static String name(String path) {
    return path.isEmpty() ? "body" : path.substring(0, path.length() - 1);
  }
}
