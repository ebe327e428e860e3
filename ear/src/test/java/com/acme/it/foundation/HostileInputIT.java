package com.acme.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.ItConfig;
import com.acme.it.support.Tokens;
import com.acme.it.support.hostile.ApiDocument;
import com.acme.it.support.hostile.HostileBattery;
import com.acme.it.support.hostile.HostileBattery.Expect;
import com.acme.it.support.hostile.HostileBattery.Mutant;
import com.acme.it.support.hostile.RawHttp;
import com.acme.it.support.hostile.RawHttp.Answer;
import com.acme.it.support.hostile.TableChecksums;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input, generated from the served OpenAPI document for every operation it lists: wrong
 * types, nulls, missing and unknown fields, unknown values, negative, fractional and enormous
 * numbers, 100,000-character strings, deep nesting, bodies that are not UTF-8 or not JSON,
 * injection strings, unconvertible path, query and header parameters, wrong methods, unknown paths,
 * unsupported and unacceptable media types and oversized bodies, each sent with no token, a
 * customer token and an admin token. Every answer must be below 500; every error an RFC 9457
 * problem (except the few requests Liberty refuses before any application is chosen, see {@link
 * Expect#REFUSED_BEFORE_APPLICATION}); no body may name a Java class, a package, SQL or a stack
 * frame; a request that is invalid by the document must be refused, a 400 naming the field; and no
 * refused request may change a row of the billing or flags tables.
 *
 * <p>The battery is deterministic for a seed ({@code -Dhostile.seed=...}, printed with the
 * figures). Values are drawn from jqwik arbitraries with a seeded {@link java.util.Random} inside
 * this plain JUnit 5 test: jqwik's own engine cannot run a property under Arquillian's JUnit 5
 * extension, which deploys the EAR.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  static final long SEED = Long.getLong("hostile.seed", 20_261_203L);
  static final int FIELD_MUTATIONS_PER_OPERATION = Integer.getInteger("hostile.fields", 18);

  /** The test's own customer; nothing else uses it. */
  static final String CUSTOMER = "hostile_cust";

  /** Java classes and packages, stack frames, SQL and the runtime's own pages. */
  private static final List<Pattern> INTERNALS =
      List.of(
          Pattern.compile(
              "\\b(java|javax|jakarta|sun|com\\.ibm|com\\.acme|org\\.eclipse|org\\.jboss"
                  + "|org\\.hibernate|org\\.postgresql|org\\.h2|com\\.stripe|com\\.google"
                  + "|io\\.openliberty|org\\.apache)\\.[a-z]"),
          Pattern.compile("[A-Za-z]+(Exception|Error)\\b"),
          Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("),
          Pattern.compile("\\.java:\\d+"),
          Pattern.compile("SQLState|SQL state|PSQL|\\bERROR:\\s"),
          Pattern.compile(
              "(?i)\\b(select\\s.{1,80}\\sfrom|insert\\s+into|update\\s+\\w+(\\.\\w+)?\\s+set"
                  + "|delete\\s+from)\\b"),
          Pattern.compile("(?i)<html|<h1>|SRVE\\d{4}|CWW[A-Z]{2}\\d{4}"));

  /** Liberty's refusal of a URI before it selects an application names its message id. */
  private static final Pattern BEFORE_APPLICATION_PAGE = Pattern.compile("CWWWC0005I");

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void everyOperationOfTheDocumentRefusesHostileInputWithProblemsAndChangesNothing()
      throws Exception {
    long started = System.nanoTime();
    ApiDocument document = new ApiDocument(openApi());
    List<Mutant> mutants =
        new HostileBattery(document, hints(), SEED).generate(FIELD_MUTATIONS_PER_OPERATION);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("none", null);
    tokens.put("customer", Tokens.customer(CUSTOMER));
    tokens.put("admin", Tokens.admin());

    RawHttp raw = new RawHttp("localhost", ItConfig.integer("it.http.port"));
    Figures figures = new Figures();
    try (TableChecksums tables = new TableChecksums("billing", "flags")) {
      Map<String, String> before = tables.snapshot();
      Thread.sleep(300);
      assertThat(tables.snapshot())
          .as("the tables change on their own; the suite cannot attribute changes")
          .isEqualTo(before);
      for (Mutant mutant : mutants) {
        Map<String, String> labels = mutant.ownAuthorization() ? Map.of("own", "") : tokens;
        for (Map.Entry<String, String> token : labels.entrySet()) {
          Map<String, String> headers = new LinkedHashMap<>(mutant.headers());
          if (token.getValue() != null && !mutant.ownAuthorization()) {
            headers.put("Authorization", "Bearer " + token.getValue());
          }
          Answer answer = raw.send(mutant.method(), mutant.target(), headers, mutant.body());
          Map<String, String> after = tables.snapshot();
          List<String> changed = TableChecksums.changed(before, after);
          before = after;
          figures.judge(mutant, token.getKey(), answer, changed);
        }
      }
    }
    figures.print(document, (System.nanoTime() - started) / 1_000_000);

    Set<String> documented = new TreeSet<>();
    document.operations().forEach(o -> documented.add(o.id()));
    assertThat(figures.coveredWithEveryToken())
        .as("operations of the document covered with no token, a customer and an admin token")
        .isEqualTo(documented);
    assertThat(figures.serverErrors).as("answers >= 500").isEmpty();
    assertThat(figures.notProblem).as("errors that are not problem+json").isEmpty();
    assertThat(figures.leaks).as("bodies naming internals").isEmpty();
    assertThat(figures.acceptedInvalid).as("invalid requests accepted").isEmpty();
    assertThat(figures.fieldNotNamed).as("400s that do not name the invalid field").isEmpty();
    assertThat(figures.changedByRefusal).as("refused requests that changed the tables").isEmpty();
  }

  private JsonObject openApi() {
    HttpResponse<String> response =
        http.send("GET", "/openapi", null, Map.of("Accept", "application/json"), null);
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.json(response);
  }

  /** Valid values by field or parameter name ({@code in:name} for a parameter only). */
  private static Map<String, JsonValue> hints() {
    Map<String, JsonValue> hints = new LinkedHashMap<>();
    hints.put("customerId", str(CUSTOMER));
    hints.put("query:subject", str(CUSTOMER));
    hints.put("path:key", str("hostile_no_such_flag"));
    hints.put("key", str("hostile_flag"));
    hints.put("path:resource", str("projects"));
    hints.put("path:sessionId", str("cs_hostile_none"));
    hints.put("path:eventId", str("evt_hostile_none"));
    hints.put("query:from", str("PRO"));
    hints.put("/billing/audit query:from", str("2026-01-01T00:00:00Z"));
    hints.put("/billing/audit query:to", str("2026-02-01T00:00:00Z"));
    hints.put("/billing/usage/history/{customerId} query:from", str("2026-01-01"));
    hints.put("/billing/usage/history/{customerId} query:to", str("2026-01-31"));
    hints.put("query:status", str("failed"));
    hints.put("header:Idempotency-Key", str("hostile-key"));
    hints.put("header:If-Match", str("\"1\""));
    hints.put("header:Stripe-Signature", str("t=1,v1=00"));
    hints.put("tierId", str("PRO"));
    hints.put("billingPeriod", str("monthly"));
    hints.put("successUrl", str("https://app.example/hostile"));
    hints.put("cancelUrl", str("https://app.example/hostile"));
    hints.put("returnUrl", str("https://app.example/hostile"));
    hints.put("feature", str("autoscale"));
    hints.put("resource", str("build_hours"));
    hints.put("quantity", Json.createValue(1));
    hints.put("value", Json.createValue(1));
    hints.put("idempotencyKey", str("hostile"));
    hints.put("enforce", JsonValue.TRUE);
    hints.put("description", str("hostile"));
    hints.put("environment", str("development"));
    hints.put("status", str("active"));
    hints.put("enabled", JsonValue.TRUE);
    hints.put("rolloutPercentage", Json.createValue(1));
    hints.put("cancelAtPeriodEnd", JsonValue.FALSE);
    hints.put("environments[]", str("development"));
    hints.put("usage[]", str("build_hours"));
    return hints;
  }

  private static JsonValue str(String s) {
    return Json.createValue(s);
  }

  /** The verdict on every answer, and the figures the README quotes. */
  private static final class Figures {
    int requests;
    int refused;
    int accepted;
    int acceptedWithChange;
    int refusedBeforeApplication;
    int mustRefuse;
    int namedField;
    final Map<String, Integer> byToken = new TreeMap<>();
    final Map<Integer, Integer> byStatus = new TreeMap<>();
    final Map<String, Set<String>> tokensByOperation = new TreeMap<>();
    final List<String> serverErrors = new ArrayList<>();
    final List<String> notProblem = new ArrayList<>();
    final List<String> leaks = new ArrayList<>();
    final List<String> acceptedInvalid = new ArrayList<>();
    final List<String> fieldNotNamed = new ArrayList<>();
    final List<String> changedByRefusal = new ArrayList<>();
    final List<String> acceptedList = new ArrayList<>();

    void judge(Mutant m, String token, Answer a, List<String> changedTables) {
      requests++;
      byToken.merge(token, 1, Integer::sum);
      byStatus.merge(a.status(), 1, Integer::sum);
      tokensByOperation.computeIfAbsent(m.operation().id(), k -> new HashSet<>()).add(token);
      String what = describe(m, token, a);
      if (a.status() >= 500 || a.status() < 100) {
        serverErrors.add(what);
      }
      JsonObject problem = a.status() >= 400 ? problem(a) : null;
      boolean beforeApplication = false;
      if (a.status() >= 400 && problem == null) {
        if (m.expect() == Expect.REFUSED_BEFORE_APPLICATION
            && a.status() == 400
            && (a.body().isEmpty() || BEFORE_APPLICATION_PAGE.matcher(a.body()).find())) {
          beforeApplication = true;
          refusedBeforeApplication++;
        } else {
          notProblem.add(what);
        }
      }
      for (Pattern internal : INTERNALS) {
        if (beforeApplication && internal.pattern().contains("CWW")) {
          continue; // the page of the HTTP layer, checked for the rest
        }
        if (internal.matcher(a.body()).find()) {
          leaks.add(internal.pattern() + " in " + what);
          break;
        }
      }
      if (a.status() >= 400) {
        refused++;
        if (!changedTables.isEmpty()) {
          changedByRefusal.add(changedTables + " by " + what);
        }
      } else {
        accepted++;
        acceptedList.add((changedTables.isEmpty() ? "" : "changed " + changedTables + ": ") + what);
        if (!changedTables.isEmpty()) {
          acceptedWithChange++;
        }
      }
      if (m.expect() == Expect.REFUSE) {
        mustRefuse++;
        if (a.status() < 400) {
          acceptedInvalid.add(what);
        } else if (!m.fields().isEmpty() && a.status() != 401 && a.status() != 403) {
          // Past authentication and authorisation, a wrong field or parameter is a 400 naming it.
          if (a.status() == 400 && problem != null && names(problem, m.fields())) {
            namedField++;
          } else {
            fieldNotNamed.add("expected a 400 naming one of " + m.fields() + ": " + what);
          }
        }
      }
    }

    Set<String> coveredWithEveryToken() {
      Set<String> covered = new TreeSet<>();
      tokensByOperation.forEach(
          (operation, tokens) -> {
            if (tokens.containsAll(List.of("none", "customer", "admin"))) {
              covered.add(operation);
            }
          });
      return covered;
    }

    void print(ApiDocument document, long millis) {
      StringBuilder out = new StringBuilder();
      out.append("\n=== HostileInputIT: seed ").append(SEED).append('\n');
      out.append("operations in /openapi: ").append(document.operations().size());
      out.append(", covered with every token: ")
          .append(coveredWithEveryToken().size())
          .append('\n');
      out.append("requests tried: ").append(requests).append(" ").append(byToken).append('\n');
      out.append("answers by status: ").append(byStatus).append('\n');
      out.append("refused (>= 400): ").append(refused);
      out.append(", accepted: ").append(accepted);
      out.append(" (of which changed rows: ").append(acceptedWithChange).append(")\n");
      out.append("invalid by the document: ").append(mustRefuse);
      out.append(", refused with a 400 naming the field: ").append(namedField).append('\n');
      out.append("answers >= 500: ").append(serverErrors.size()).append('\n');
      out.append("errors not problem+json: ").append(notProblem.size());
      out.append(" (plus ").append(refusedBeforeApplication);
      out.append(" refused by Liberty's HTTP layer before any application)\n");
      out.append("bodies naming internals: ").append(leaks.size()).append('\n');
      out.append("invalid requests accepted: ").append(acceptedInvalid.size()).append('\n');
      out.append("400s not naming the field: ").append(fieldNotNamed.size()).append('\n');
      out.append("refused requests that changed rows: ")
          .append(changedByRefusal.size())
          .append('\n');
      out.append("time: ").append(millis).append(" ms\n");
      if (Boolean.getBoolean("hostile.verbose")) {
        acceptedList.forEach(line -> out.append("  [accepted] ").append(line).append('\n'));
      }
      for (Map.Entry<String, List<String>> list :
          Map.of(
                  "answers >= 500", serverErrors,
                  "not problem+json", notProblem,
                  "internals", leaks,
                  "accepted invalid", acceptedInvalid,
                  "field not named", fieldNotNamed,
                  "changed by refusal", changedByRefusal)
              .entrySet()) {
        list.getValue().stream()
            .limit(40)
            .forEach(
                line ->
                    out.append("  [").append(list.getKey()).append("] ").append(line).append('\n'));
      }
      System.out.println(out);
    }

    private static String describe(Mutant m, String token, Answer a) {
      String body = a.body().replaceAll("\\s+", " ");
      return m.operation().id()
          + " | "
          + m.mutation()
          + " | token "
          + token
          + " -> "
          + a.status()
          + " "
          + a.contentType()
          + " "
          + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    /** The answer as an RFC 9457 problem, or null if it is not one. */
    private static JsonObject problem(Answer a) {
      if (!a.contentType().startsWith("application/problem+json")) {
        return null;
      }
      try (JsonReader reader = Json.createReader(new StringReader(a.body()))) {
        JsonObject p = reader.readObject();
        boolean complete =
            p.get("type") instanceof JsonString type
                && type.getString().startsWith("https://")
                && p.get("title") instanceof JsonString title
                && !title.getString().isBlank()
                && p.containsKey("status")
                && p.getInt("status") == a.status()
                && p.get("detail") instanceof JsonString detail
                && !detail.getString().isBlank();
        return complete ? p : null;
      } catch (RuntimeException notJson) {
        return null;
      }
    }

    /**
     * Whether the problem names one of the fields (or a field within it, or the object holding it).
     */
    private static boolean names(JsonObject problem, List<String> fields) {
      Set<String> named = new HashSet<>();
      if (problem.get("field") instanceof JsonString f) {
        named.add(f.getString());
      }
      for (String list : List.of("errors", "unknownFields", "invalidFields")) {
        if (problem.get(list) instanceof JsonArray array) {
          for (JsonValue v : array) {
            if (v instanceof JsonString s) {
              String text = s.getString();
              named.add(text.contains(" (") ? text.substring(0, text.indexOf(" (")) : text);
            } else if (v instanceof JsonObject o && o.get("field") instanceof JsonString f) {
              named.add(f.getString());
            }
          }
        }
      }
      for (String name : named) {
        for (String field : fields) {
          if (name.equals(field) || field.startsWith(name + ".") || name.startsWith(field + ".")) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
