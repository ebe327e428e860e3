package com.acme.web.ui;

import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the billing UI's static files from {@code ui/} on the class path. It lives in the one
 * JAX-RS application (at {@code /}) so that the API paths stay exactly as documented; the API's
 * resources have longer literal paths and always win the match.
 */
@Path("/")
@ApplicationScoped
public class StaticFilesResource {

  /** Segments of letters, digits, '-', '_' and '.', none starting with a dot. */
  private static final Pattern SAFE_PATH = Pattern.compile("[\\w-][\\w.-]*(/[\\w-][\\w.-]*)*");

  /**
   * The pages run only their own scripts and styles and talk only to this origin: an injected
   * script could not run or send the user's token elsewhere. Checkout and the portal are reached by
   * navigation, which this policy does not limit.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
          + " object-src 'none'";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json");

  @GET
  @Operation(hidden = true)
  public Response index() {
    return file("index.html");
  }

  @GET
  @Path("{path: .+}")
  @Operation(hidden = true)
  public Response file(@PathParam("path") String path) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw new ProblemException(HttpProblems.forStatus(404));
    }
    InputStream in = StaticFilesResource.class.getClassLoader().getResourceAsStream("ui/" + path);
    if (in == null) {
      throw new ProblemException(HttpProblems.forStatus(404));
    }
    CacheControl cache = new CacheControl();
    if ("html".equals(extension)) {
      // Pages are read again on each visit, so a new release reaches open browsers at once.
      cache.setNoCache(true);
    } else {
      cache.setMaxAge(300);
    }
    return Response.ok(in, type)
        .cacheControl(cache)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .build();
  }
}
