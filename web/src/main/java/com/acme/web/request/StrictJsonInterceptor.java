package com.acme.web.request;

import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds JSON request bodies to their record type before JSON-B reads them, so that nothing is
 * silently dropped, truncated or guessed:
 *
 * <ul>
 *   <li>the body must be UTF-8 (a declared other charset is a 415), at most {@value #MAX_DEPTH}
 *       levels deep, and have no key twice in an object: otherwise 400 {@code
 *       malformed-request-body};
 *   <li>a field the record does not have is a 400 {@code unknown-fields} (so {@code "enfroce":
 *       false} cannot go unnoticed);
 *   <li>a value of the wrong JSON type (JSON-B would read {@code "enabled": "yes"} as false), a
 *       fraction or an out-of-range number for a whole-number field (JSON-B would read {@code 1.5}
 *       as 1 and {@code 1e400} as 0), and a string with a control character or a lone surrogate are
 *       a 400 {@code malformed-request-body} naming the field.
 * </ul>
 *
 * JSON-B's own unknown-property switch does not apply to records.
 */
@Provider
public class StrictJsonInterceptor implements ReaderInterceptor {

  /**
   * The JSON-P provider, looked up once (on first use): every {@code Json.createX} call looks it up
   * again through the ServiceLoader, which cost a tenth of a feature check's time (bench/).
   */
  private static final class Json {
    static final JsonProvider PROVIDER = JsonProvider.provider();
  }

  /** Deeper bodies are refused before they are parsed; no request type is near this deep. */
  static final int MAX_DEPTH = 32;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType mediaType = context.getMediaType();
    if (!context.getType().isRecord()
        || mediaType == null
        || !mediaType.getSubtype().endsWith("json")) {
      return context.proceed();
    }
    String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
      throw new ProblemException(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "Send the request body as UTF-8 JSON (application/json, with no charset or"
                  + " charset=utf-8)."));
    }
    byte[] body = context.getInputStream().readAllBytes();
    String text = utf8(body);
    if (exceedsDepth(text)) {
      throw malformed(
          "The request body is nested more than " + MAX_DEPTH + " levels deep.", "body", null);
    }
    JsonValue value = parse(text);
    Findings findings = new Findings();
    check(value, context.getType(), context.getType(), "", findings);
    if (!findings.unknown.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "unknown-fields",
                  "Unknown fields",
                  "The request has fields this operation does not know: "
                      + String.join(", ", findings.unknown)
                      + ". Check their spelling.")
              .with("field", findings.unknown.get(0))
              .with("unknownFields", findings.unknown));
    }
    if (!findings.invalid.isEmpty()) {
      List<String> described =
          findings.invalid.entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue() + ")")
              .toList();
      throw new ProblemException(
          Problem.of(
                  400,
                  "malformed-request-body",
                  "Malformed request body",
                  "Some fields have a value of the wrong type or form: "
                      + String.join(", ", described)
                      + ".")
              .with("field", findings.invalid.keySet().iterator().next())
              .with("invalidFields", described)
              .with("errors", errors(findings.invalid)));
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static final class Findings {
    final List<String> unknown = new ArrayList<>();
    final Map<String, String> invalid = new LinkedHashMap<>();
  }

  private static List<Map<String, String>> errors(Map<String, String> invalid) {
    return invalid.entrySet().stream()
        .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
        .toList();
  }

  private static ProblemException malformed(String detail, String field, String message) {
    Problem problem =
        Problem.of(400, "malformed-request-body", "Malformed request body", detail)
            .with("field", field);
    if (message != null) {
      problem.with("errors", List.of(Map.of("field", field, "message", message)));
    }
    return new ProblemException(problem);
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("The request body is not valid UTF-8.", "body", "is not valid UTF-8");
    }
  }

  /** Whether brackets outside strings nest deeper than {@link #MAX_DEPTH}. */
  static boolean exceedsDepth(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          return true;
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return false;
  }

  /** The body as one JSON value; a syntax error or a key twice in one object is a 400. */
  private static JsonValue parse(String text) {
    try (JsonParser parser = Json.PROVIDER.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw malformed("The request body is empty; send a JSON object.", "body", null);
      }
      JsonValue value = read(parser, parser.next(), "");
      if (parser.hasNext()) {
        throw malformed("The request body has more after its JSON value.", "body", null);
      }
      return value;
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // JsonParsingException, JsonException, a number the parser cannot hold: never echo it.
      throw malformed(
          "The request body is not valid JSON: check the syntax (quotes, commas, brackets).",
          "body",
          null);
    }
  }

  private static JsonValue read(JsonParser parser, Event event, String path) {
    switch (event) {
      case START_OBJECT -> {
        JsonObjectBuilder object = Json.PROVIDER.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (Event next = parser.next(); next != Event.END_OBJECT; next = parser.next()) {
          String key = parser.getString();
          if (!keys.add(key)) {
            throw malformed(
                "The field " + path + key + " appears twice in one object.",
                path + key,
                "appears twice");
          }
          object.add(key, read(parser, parser.next(), path + key + "."));
        }
        return object.build();
      }
      case START_ARRAY -> {
        JsonArrayBuilder array = Json.PROVIDER.createArrayBuilder();
        int index = 0;
        for (Event next = parser.next(); next != Event.END_ARRAY; next = parser.next()) {
          array.add(read(parser, next, path + index++ + "."));
        }
        return array.build();
      }
      case VALUE_STRING -> {
        return Json.PROVIDER.createValue(parser.getString());
      }
      case VALUE_NUMBER -> {
        try {
          return Json.PROVIDER.createValue(parser.getBigDecimal());
        } catch (NumberFormatException | ArithmeticException e) {
          String field = path.isEmpty() ? "body" : path.substring(0, path.length() - 1);
          throw malformed(
              "The number in " + field + " is too large to read.", field, "is too large");
        }
      }
      case VALUE_TRUE -> {
        return JsonValue.TRUE;
      }
      case VALUE_FALSE -> {
        return JsonValue.FALSE;
      }
      case VALUE_NULL -> {
        return JsonValue.NULL;
      }
      default -> throw new IllegalStateException("unexpected " + event);
    }
  }

  private static void check(
      JsonValue value, Class<?> type, Type generic, String path, Findings out) {
    ValueType actual = value.getValueType();
    if (actual == ValueType.NULL) {
      if (type.isPrimitive()) {
        out.invalid.put(name(path), "must not be null");
      }
      return;
    }
    String expected = expectedJsonType(type);
    if (expected != null && !matches(expected, actual)) {
      out.invalid.put(name(path), "expected " + expected);
      return;
    }
    if (actual == ValueType.STRING) {
      String text = ((JsonString) value).getString();
      String problem = unusableText(text);
      if (problem == null && type == Instant.class) {
        problem = instantProblem(text);
      }
      if (problem != null) {
        out.invalid.put(name(path), problem);
      }
    } else if (actual == ValueType.NUMBER && isWholeNumberType(type)) {
      String problem = wholeNumberProblem(((JsonNumber) value).bigDecimalValue(), type);
      if (problem != null) {
        out.invalid.put(name(path), problem);
      }
    } else if (type.isRecord()) {
      checkRecord(value.asJsonObject(), type, path, out);
    } else if (actual == ValueType.OBJECT && Map.class.isAssignableFrom(type)) {
      Type valueType = typeArgument(generic, 1);
      value
          .asJsonObject()
          .forEach(
              (k, v) -> {
                String keyProblem = unusableText(k);
                if (keyProblem != null) {
                  out.invalid.put(name(path), "a key " + keyProblem);
                } else {
                  check(v, raw(valueType), valueType, path + k + ".", out);
                }
              });
    } else if (actual == ValueType.ARRAY && Collection.class.isAssignableFrom(type)) {
      Type elementType = typeArgument(generic, 0);
      int i = 0;
      for (JsonValue element : value.asJsonArray()) {
        check(element, raw(elementType), elementType, path + i++ + ".", out);
      }
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

  private static Type typeArgument(Type generic, int index) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  /**
   * Why a string cannot be used (a control character other than tab, line feed and carriage return,
   * or a lone UTF-16 surrogate, which no database column stores as sent), or null.
   */
  static String unusableText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return "must not contain control characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return "must be valid Unicode (a lone surrogate)";
        }
      } else if (Character.isLowSurrogate(c)) {
        return "must be valid Unicode (a lone surrogate)";
      }
    }
    return null;
  }

  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Why a string is not a usable time (ISO-8601 in UTC, within years 1970 to 9999), or null. */
  private static String instantProblem(String text) {
    try {
      Instant instant = Instant.parse(text);
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        return "must be between " + EARLIEST + " and " + LATEST;
      }
      return null;
    } catch (DateTimeParseException e) {
      return "must be an ISO-8601 time in UTC, such as 2026-01-31T12:00:00Z";
    }
  }

  private static boolean isWholeNumberType(Class<?> type) {
    return type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class
        || type == byte.class
        || type == Byte.class
        || type == BigInteger.class;
  }

  private static String wholeNumberProblem(BigDecimal number, Class<?> type) {
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      return "must be a whole number";
    }
    if (type == BigInteger.class) {
      return number.precision() - number.scale() > 30 ? "is too large" : null;
    }
    long min;
    long max;
    if (type == int.class || type == Integer.class) {
      min = Integer.MIN_VALUE;
      max = Integer.MAX_VALUE;
    } else if (type == short.class || type == Short.class) {
      min = Short.MIN_VALUE;
      max = Short.MAX_VALUE;
    } else if (type == byte.class || type == Byte.class) {
      min = Byte.MIN_VALUE;
      max = Byte.MAX_VALUE;
    } else {
      min = Long.MIN_VALUE;
      max = Long.MAX_VALUE;
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      return "must be between " + min + " and " + max;
    }
    return null;
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
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return null;
  }

  private static boolean matches(String expected, ValueType actual) {
    return switch (expected) {
      case "boolean" -> actual == ValueType.TRUE || actual == ValueType.FALSE;
      case "number" -> actual == ValueType.NUMBER;
      case "string" -> actual == ValueType.STRING;
      case "object" -> actual == ValueType.OBJECT;
      case "array" -> actual == ValueType.ARRAY;
      default -> true;
    };
  }

  private static String name(String path) {
    return path.isEmpty() ? "body" : path.substring(0, path.length() - 1);
  }
}
