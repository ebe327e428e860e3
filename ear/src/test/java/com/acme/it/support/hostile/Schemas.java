package com.acme.it.support.hostile;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Valid-looking values for a schema of the served document, and the subset of JSON Schema (plus the
 * product's strict-JSON rules of decision 0004) that decides whether a generated value must be
 * refused.
 *
 * <p>How the document's keywords are read: MicroProfile OpenAPI writes a Bean Validation
 * {@code @Pattern} as {@code pattern} (matched against the whole value, as Bean Validation does),
 * {@code @NotBlank} as {@code pattern: \S} (a non-blank character anywhere) and {@code @Digits} on
 * a number as a pattern of its digits (matched against the plain decimal form). The product refuses
 * fields a request type does not have (so a property not listed is invalid unless the schema has
 * {@code additionalProperties}), a {@code null} for a required field, control characters other than
 * tab, line feed and carriage return, and lone surrogates.
 */
public final class Schemas {

  /** A reason a value must be refused, at a JSON path ({@code body} for the whole body). */
  public record Violation(String field, String message) {}

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private final ApiDocument document;
  private final Map<String, JsonValue> hints;

  /**
   * @param hints valid values for fields and parameters by name (a customer id of the test's own
   *     namespace, a tier that exists), used before the schema's own defaults
   */
  public Schemas(ApiDocument document, Map<String, JsonValue> hints) {
    this.document = document;
    this.hints = hints;
  }

  // ---------------------------------------------------------------- baseline

  /** A value the schema accepts, for a field or parameter named {@code name}. */
  public JsonValue baseline(JsonObject schema, String name) {
    JsonObject s = document.resolve(schema);
    if (name != null && hints.containsKey(name)) {
      JsonValue hint = hints.get(name);
      if (hint.getValueType() == ValueType.STRING && name.toLowerCase().contains("idempotency")) {
        return Json.createValue(((JsonString) hint).getString() + "-" + UNIQUE.incrementAndGet());
      }
      return hint;
    }
    if (s.containsKey("default")) {
      return s.get("default");
    }
    if (s.containsKey("enum")) {
      return s.getJsonArray("enum").get(0);
    }
    String type = type(s);
    return switch (type) {
      case "object" -> baselineObject(s, name);
      case "array" -> Json.createArrayBuilder().build();
      case "boolean" -> JsonValue.TRUE;
      case "integer", "number" -> Json.createValue(smallestAllowed(s));
      default -> Json.createValue(baselineString(s));
    };
  }

  private JsonValue baselineObject(JsonObject s, String name) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    JsonObject properties = s.getJsonObject("properties");
    if (properties != null) {
      for (String property : properties.keySet()) {
        object.add(property, baseline(properties.getJsonObject(property), property));
      }
    }
    if (s.get("additionalProperties") instanceof JsonObject values) {
      String key =
          hints.get(name + "[]") instanceof JsonString hint ? hint.getString() : "hostile_key";
      object.add(key, baseline(values, null));
    }
    return object.build();
  }

  private static long smallestAllowed(JsonObject s) {
    long value = 1;
    if (s.get("minimum") instanceof JsonNumber min) {
      value = Math.max(value, min.bigDecimalValue().longValue());
    }
    if (s.get("exclusiveMinimum") instanceof JsonNumber min) {
      value = Math.max(value, min.bigDecimalValue().longValue() + 1);
    }
    return value;
  }

  private static String baselineString(JsonObject s) {
    if ("date-time".equals(s.getString("format", ""))) {
      return "2026-01-01T00:00:00Z";
    }
    String pattern = s.getString("pattern", "");
    if (pattern.matches("[a-z]+(\\|[a-z]+)+")) {
      return pattern.substring(0, pattern.indexOf('|'));
    }
    return "hostile";
  }

  // ---------------------------------------------------------------- validation

  /**
   * Why {@code value} must be refused; empty when the schema (and the product's rules) allow it.
   */
  public List<Violation> validate(JsonValue value, JsonObject schema, String path) {
    List<Violation> out = new ArrayList<>();
    check(value, document.resolve(schema), path, out);
    return out;
  }

  private void check(JsonValue value, JsonObject s, String path, List<Violation> out) {
    if (value.getValueType() == ValueType.NULL) {
      return; // a null for a required field is judged by its object; elsewhere it means absent
    }
    String type = type(s);
    if (!matchesType(value, type)) {
      out.add(new Violation(path, "expected " + type));
      return;
    }
    switch (value.getValueType()) {
      case STRING -> checkString(((JsonString) value).getString(), s, path, out);
      case NUMBER -> checkNumber(((JsonNumber) value).bigDecimalValue(), s, type, path, out);
      case OBJECT -> checkObject(value.asJsonObject(), s, path, out);
      case ARRAY -> {
        JsonObject items = document.resolve(s.getJsonObject("items"));
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          check(array.get(i), items, child(path, String.valueOf(i)), out);
        }
      }
      default -> {}
    }
  }

  private void checkObject(JsonObject object, JsonObject s, String path, List<Violation> out) {
    JsonObject properties = s.getJsonObject("properties");
    JsonArray required = s.getJsonArray("required");
    if (required != null) {
      for (JsonValue r : required) {
        String name = ((JsonString) r).getString();
        JsonValue present = object.get(name);
        if (present == null || present.getValueType() == ValueType.NULL) {
          out.add(new Violation(child(path, name), "is required"));
        }
      }
    }
    if (s.get("maxProperties") instanceof JsonNumber max && object.size() > max.intValue()) {
      out.add(new Violation(path, "more than " + max + " entries"));
    }
    JsonValue additional = s.get("additionalProperties");
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String field = child(path, entry.getKey());
      if (properties != null && properties.containsKey(entry.getKey())) {
        check(
            entry.getValue(),
            document.resolve(properties.getJsonObject(entry.getKey())),
            field,
            out);
      } else if (additional instanceof JsonObject values) {
        String keyProblem = textProblem(entry.getKey());
        if (keyProblem != null) {
          out.add(new Violation(path, "a key " + keyProblem));
        } else if (entry.getValue().getValueType() == ValueType.NULL) {
          out.add(new Violation(field, "must not be null"));
        } else {
          check(entry.getValue(), document.resolve(values), field, out);
        }
      } else if (additional != JsonValue.TRUE) {
        out.add(new Violation(field, "is not a field of this operation"));
      }
    }
  }

  private static void checkString(String text, JsonObject s, String path, List<Violation> out) {
    String problem = textProblem(text);
    if (problem != null) {
      out.add(new Violation(path, problem));
      return;
    }
    if (s.get("maxLength") instanceof JsonNumber max && text.length() > max.intValue()) {
      out.add(new Violation(path, "longer than " + max));
    }
    if (s.get("minLength") instanceof JsonNumber min && text.length() < min.intValue()) {
      out.add(new Violation(path, "shorter than " + min));
    }
    if (s.containsKey("pattern") && !patternMatches(s.getString("pattern"), text)) {
      out.add(new Violation(path, "does not match " + s.getString("pattern")));
    }
    if ("date-time".equals(s.getString("format", ""))) {
      try {
        Instant.parse(text);
      } catch (DateTimeParseException e) {
        out.add(new Violation(path, "is not a date-time"));
      }
    }
  }

  private static void checkNumber(
      BigDecimal number, JsonObject s, String type, String path, List<Violation> out) {
    if ("integer".equals(type)) {
      if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
        out.add(new Violation(path, "is not a whole number"));
        return;
      }
      BigDecimal limit =
          BigDecimal.valueOf(
              "int32".equals(s.getString("format", "")) ? Integer.MAX_VALUE : Long.MAX_VALUE);
      if (number.abs().compareTo(limit) > 0) {
        out.add(new Violation(path, "is out of range"));
        return;
      }
    }
    if (s.get("minimum") instanceof JsonNumber min && number.compareTo(min.bigDecimalValue()) < 0) {
      out.add(new Violation(path, "is below " + min));
    }
    if (s.get("maximum") instanceof JsonNumber max && number.compareTo(max.bigDecimalValue()) > 0) {
      out.add(new Violation(path, "is above " + max));
    }
    if (s.get("exclusiveMinimum") instanceof JsonNumber min
        && number.compareTo(min.bigDecimalValue()) <= 0) {
      out.add(new Violation(path, "is not above " + min));
    }
    if (s.get("exclusiveMaximum") instanceof JsonNumber max
        && number.compareTo(max.bigDecimalValue()) >= 0) {
      out.add(new Violation(path, "is not below " + max));
    }
    if (s.containsKey("pattern")
        && (number.abs().compareTo(BigDecimal.TEN.pow(30)) > 0
            || !patternMatches(s.getString("pattern"), number.toPlainString()))) {
      out.add(new Violation(path, "does not match " + s.getString("pattern")));
    }
  }

  /** Whether a value matches a pattern of the document (see the class comment). */
  public static boolean patternMatches(String pattern, String value) {
    if ("\\S".equals(pattern)) {
      return !value.isBlank();
    }
    return Pattern.compile(pattern).matcher(value).matches();
  }

  /**
   * The product's rule for every string: no control characters (but tab, LF, CR), no lone
   * surrogates.
   */
  public static String textProblem(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return "has a control character";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "has a lone surrogate";
      }
    }
    return null;
  }

  private static boolean matchesType(JsonValue value, String type) {
    ValueType actual = value.getValueType();
    return switch (type) {
      case "string" -> actual == ValueType.STRING;
      case "integer", "number" -> actual == ValueType.NUMBER;
      case "boolean" -> actual == ValueType.TRUE || actual == ValueType.FALSE;
      case "object" -> actual == ValueType.OBJECT;
      case "array" -> actual == ValueType.ARRAY;
      default -> true;
    };
  }

  /** The schema's type; a schema with properties is an object, one without any type is "any". */
  public static String type(JsonObject s) {
    JsonValue type = s.get("type");
    if (type instanceof JsonString t) {
      return t.getString();
    }
    if (type instanceof JsonArray types) {
      for (JsonValue t : types) {
        if (t instanceof JsonString name && !"null".equals(name.getString())) {
          return name.getString();
        }
      }
    }
    if (s.containsKey("properties") || s.containsKey("additionalProperties")) {
      return "object";
    }
    return "any";
  }

  private static String child(String path, String name) {
    return path == null || path.isEmpty() || "body".equals(path) ? name : path + "." + name;
  }
}
