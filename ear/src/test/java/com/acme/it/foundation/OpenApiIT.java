package com.acme.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.ItConfig;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document (decision 0011): it lists exactly the operations the web module
 * serves, a real OpenAPI parser reads it without a single message, every operation documents a
 * success and each error it can answer as an RFC 9457 problem, the security each operation needs,
 * and generating it logs no warning (in particular no SROAP04005, a schema class the scanner cannot
 * find).
 *
 * <p>The operations expected are found by reflection on the web module's classes, read from the
 * built EAR: every public method of a {@code @Path} class with an HTTP method annotation, less
 * those hidden with {@code @Operation(hidden = true)} or in {@code
 * mp.openapi.scan.exclude.classes}.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

  private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void openApiListsTheServedPathsExactly() throws Exception {
    HttpResponse<String> response =
        http.send("GET", "/openapi", null, Map.of("Accept", "application/json"), null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject paths = Http.json(response).getJsonObject("paths");
    assertThat(paths.keySet()).contains("/billing/whoami");
    assertThat(paths.keySet()).allMatch(p -> p.startsWith("/billing/") || p.startsWith("/flags"));
    // The path it lists is the path that is served.
    assertThat(http.get("/billing/whoami", null).statusCode()).isEqualTo(401);
    // Every operation of the document is a resource method of the web module, and every resource
    // method that is not hidden is an operation of the document.
    Set<String> documented = new TreeSet<>();
    for (String path : paths.keySet()) {
      for (String method : paths.getJsonObject(path).keySet()) {
        if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertThat(documented).isEqualTo(new TreeSet<>(resourceMethods().keySet()));
  }

  @Test
  void aRealOpenApiParserReadsTheServedDocumentWithoutAnyMessage() throws Exception {
    String document = servedDocument();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    assertThat(result.getMessages()).as("the parser's messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
    // A copy for people and reports: ear/target/openapi-served.json.
    Files.writeString(Path.of("target", "openapi-served.json"), document, StandardCharsets.UTF_8);
  }

  @Test
  void everyOperationDocumentsItsSuccessAndEachErrorAsAProblem() throws Exception {
    OpenAPI api = parsed();
    List<String> missing = new ArrayList<>();
    int operations = 0;
    int responses = 0;
    for (Map.Entry<String, Method> entry : resourceMethods().entrySet()) {
      String id = entry.getKey();
      Method method = entry.getValue();
      io.swagger.v3.oas.models.Operation operation = operation(api, id);
      if (operation == null || operation.getResponses() == null) {
        missing.add(id + ": no operation or no responses");
        continue;
      }
      operations++;
      Map<String, ApiResponse> answers = new TreeMap<>();
      operation.getResponses().forEach((code, r) -> answers.put(code, resolve(api, r)));
      responses += answers.size();

      List<String> successes = answers.keySet().stream().filter(c -> c.startsWith("2")).toList();
      if (successes.isEmpty()) {
        missing.add(id + ": no 2xx answer");
      }
      for (String code : successes) {
        ApiResponse success = answers.get(code);
        boolean hasSchema =
            success.getContent() != null
                && success.getContent().values().stream()
                    .allMatch(m -> m.getSchema() != null && m.getSchema().get$ref() != null);
        if (!"204".equals(code) && !hasSchema) {
          missing.add(id + ": " + code + " has no schema of its answer");
        }
      }
      for (Map.Entry<String, ApiResponse> answer : answers.entrySet()) {
        if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
          Map<String, MediaType> content = answer.getValue().getContent();
          MediaType problem = content == null ? null : content.get(PROBLEM_MEDIA_TYPE);
          if (problem == null
              || problem.getSchema() == null
              || !PROBLEM_SCHEMA.equals(problem.getSchema().get$ref())
              || content.size() != 1) {
            missing.add(
                id + ": " + answer.getKey() + " is not an application/problem+json Problem");
          }
        }
        if (answer.getValue().getDescription() == null
            || answer.getValue().getDescription().isBlank()) {
          missing.add(id + ": " + answer.getKey() + " has no description");
        }
      }

      // The statuses the code makes certain: the security layer, the body limits, the strict
      // JSON reading and the last-resort mapper.
      Set<String> expected = new TreeSet<>(List.of("500"));
      if (secured(method)) {
        expected.addAll(List.of("401", "403"));
      }
      if (takesInput(method)) {
        expected.add("400");
      }
      if (body(method) != null) {
        expected.add("413");
        if (!consumesAnything(method)) {
          expected.add("415");
        }
      }
      for (String code : expected) {
        if (!answers.containsKey(code)) {
          missing.add(id + ": no " + code);
        }
      }
      if (!secured(method) && answers.containsKey("401")) {
        missing.add(id + ": a public operation documents 401");
      }

      // Security: a bearer JWT where a role is needed, none where the operation is public.
      Set<String> schemes =
          operation.getSecurity() == null
              ? Set.of()
              : operation.getSecurity().stream()
                  .flatMap(s -> s.keySet().stream())
                  .collect(Collectors.toSet());
      if (secured(method) != schemes.contains("jwt")) {
        missing.add(id + ": security " + schemes + " but secured = " + secured(method));
      }
      if (body(method) != null && operation.getRequestBody() == null) {
        missing.add(id + ": the body is not documented");
      }
    }
    assertThat(missing).as("what the document lacks").isEmpty();
    System.out.printf("OpenAPI document: %d operations, %d responses%n", operations, responses);
  }

  @Test
  void theWebhookIsAuthenticatedByTheStripeSignatureHeader() throws Exception {
    OpenAPI api = parsed();
    io.swagger.v3.oas.models.Operation webhook = operation(api, "POST /billing/webhook");
    assertThat(webhook.getSecurity()).hasSize(1);
    assertThat(webhook.getSecurity().get(0)).containsOnlyKeys("stripeSignature");
    var scheme = api.getComponents().getSecuritySchemes().get("stripeSignature");
    assertThat(scheme.getType().toString()).isEqualTo("apiKey");
    assertThat(scheme.getIn().toString()).isEqualTo("header");
    assertThat(scheme.getName()).isEqualTo("Stripe-Signature");
    assertThat(operation(api, "GET /billing/plans").getSecurity()).isNullOrEmpty();
  }

  @Test
  void theMainRequestsCarryExamples() throws Exception {
    OpenAPI api = parsed();
    for (String id :
        List.of(
            "POST /billing/check-feature-access",
            "POST /billing/check-usage-limits",
            "POST /billing/usage",
            "PUT /billing/usage/{customerId}/{resource}",
            "POST /billing/create-checkout-session",
            "POST /billing/subscription/change-plan",
            "PATCH /flags/{key}")) {
      MediaType json = operation(api, id).getRequestBody().getContent().get("application/json");
      assertThat(json.getExamples()).as(id).isNotEmpty();
      assertThat(json.getSchema().get$ref()).as(id + ": the body's schema").isNotNull();
    }
  }

  @Test
  void generatingTheDocumentLogsNoOpenApiWarning() throws Exception {
    servedDocument();
    Thread.sleep(1000); // Liberty writes its logs asynchronously
    Path messages =
        ItConfig.wlpDir()
            .resolve("usr/servers")
            .resolve(ItConfig.get("it.server.name"))
            .resolve("logs/messages.log");
    String log = Files.readString(messages, StandardCharsets.UTF_8);
    // The right log: this run's server started the application.
    assertThat(log).contains("CWWKZ0001I");
    List<String> warnings =
        log.lines()
            .filter(
                line ->
                    line.contains("SROAP")
                        || (line.contains("CWWKO")
                            && (line.contains(" W ") || line.contains(" E "))))
            .toList();
    assertThat(warnings).as("OpenAPI warnings in messages.log").isEmpty();
  }

  @Test
  void openApiUiAndStaticUiAreServed() {
    assertThat(http.get("/openapi/ui/", null).statusCode()).isEqualTo(200);
    HttpResponse<String> index = http.get("/", null);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
    assertThat(index.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    HttpResponse<String> script = http.get("/panel.js", null);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/javascript"));
  }

  // ------------------------------------------------------------------ the document

  private String servedDocument() {
    HttpResponse<String> response =
        http.send("GET", "/openapi", null, Map.of("Accept", "application/json"), null);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private OpenAPI parsed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    OpenAPI api = new OpenAPIV3Parser().readContents(servedDocument(), null, options).getOpenAPI();
    assertThat(api).isNotNull();
    return api;
  }

  private static io.swagger.v3.oas.models.Operation operation(OpenAPI api, String id) {
    int space = id.indexOf(' ');
    PathItem item = api.getPaths().get(id.substring(space + 1));
    if (item == null) {
      return null;
    }
    return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(id.substring(0, space)));
  }

  private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
    String ref = response.get$ref();
    if (ref == null) {
      return response;
    }
    return api.getComponents()
        .getResponses()
        .get(ref.substring("#/components/responses/".length()));
  }

  // ------------------------------------------------------------------ the web module's classes

  private static Map<String, Method> resourceMethods;

  /** "METHOD /path" of every resource method the document should list. */
  private static synchronized Map<String, Method> resourceMethods() throws IOException {
    if (resourceMethods != null) {
      return resourceMethods;
    }
    Path classes = webClasses();
    Set<String> excluded = excludedClasses(classes);
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, OpenApiIT.class.getClassLoader());
    Map<String, Method> found = new TreeMap<>();
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(classes)) {
      classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path file : classFiles) {
      String name =
          classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
      if (excluded.contains(name)) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // not a resource: resources load with the API jars on the test class path
      }
      jakarta.ws.rs.Path typePath = type.getAnnotation(jakarta.ws.rs.Path.class);
      if (typePath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      for (Method method : type.getMethods()) {
        String verb = httpMethod(method);
        Operation operation = method.getAnnotation(Operation.class);
        if (verb == null || (operation != null && operation.hidden())) {
          continue;
        }
        jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path =
            "/"
                + Stream.of(typePath.value(), methodPath == null ? "" : methodPath.value())
                    .flatMap(p -> Arrays.stream(p.split("/")))
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.replaceAll("\\{\\s*([\\w.-]+)\\s*:.*}", "{$1}"))
                    .collect(Collectors.joining("/"));
        found.put(verb + " " + path, method);
      }
    }
    assertThat(found).as("resource methods found in the web module").isNotEmpty();
    resourceMethods = found;
    return found;
  }

  private static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static boolean secured(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return false;
    }
    return method.isAnnotationPresent(RolesAllowed.class)
        || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class);
  }

  private static final List<Class<? extends Annotation>> PARAMETER_ANNOTATIONS =
      List.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          MatrixParam.class,
          FormParam.class,
          BeanParam.class,
          Context.class);

  /** The entity parameter (the request body), or null. */
  private static Parameter body(Method method) {
    for (Parameter p : method.getParameters()) {
      if (PARAMETER_ANNOTATIONS.stream().noneMatch(p::isAnnotationPresent)) {
        return p;
      }
    }
    return null;
  }

  private static boolean takesInput(Method method) {
    return Arrays.stream(method.getParameters())
        .anyMatch(p -> !p.isAnnotationPresent(Context.class));
  }

  private static boolean consumesAnything(Method method) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    return consumes != null && Arrays.asList(consumes.value()).contains("*/*");
  }

  /** WEB-INF/classes of the web module inside the built EAR, unpacked into a temporary folder. */
  private static Path webClasses() throws IOException {
    Path target = Files.createTempDirectory("openapi-it-web");
    try (ZipInputStream ear = new ZipInputStream(Files.newInputStream(ItConfig.ear()))) {
      for (ZipEntry e = ear.getNextEntry(); e != null; e = ear.getNextEntry()) {
        if (e.getName().endsWith(".war")) {
          unpackClasses(new ZipInputStream(ear), target);
          return target;
        }
      }
    }
    throw new IllegalStateException("no web module in " + ItConfig.ear());
  }

  private static void unpackClasses(ZipInputStream war, Path target) throws IOException {
    String prefix = "WEB-INF/classes/";
    for (ZipEntry e = war.getNextEntry(); e != null; e = war.getNextEntry()) {
      if (e.isDirectory() || !e.getName().startsWith(prefix)) {
        continue;
      }
      Path file = target.resolve(e.getName().substring(prefix.length())).normalize();
      if (!file.startsWith(target)) {
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.write(file, war.readAllBytes());
    }
  }

  /** The classes the web module's configuration hides from OpenAPI. */
  private static Set<String> excludedClasses(Path classes) {
    Properties config = new Properties();
    Path file = classes.resolve("META-INF/microprofile-config.properties");
    try (InputStream in = Files.newInputStream(file)) {
      config.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String value = config.getProperty("mp.openapi.scan.exclude.classes", "");
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
