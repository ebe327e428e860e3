package com.acme.web.flags;

import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FeatureFlags;
import com.acme.flags.api.FlagChange;
import com.acme.flags.api.FlagDefinition;
import com.acme.flags.api.FlagPatch;
import com.acme.flags.api.FlagView;
import com.acme.web.Roles;
import com.acme.web.identity.Caller;
import com.acme.web.identity.CallerAccess;
import com.acme.web.problem.Problem;
import com.acme.web.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The feature-flag admin API. Anyone authenticated reads; a customer evaluates only its own id;
 * only admins change flags. Who changed a flag ({@code updatedBy}, a history item's {@code actor})
 * is shown to admins only: other callers read {@code null} there. Versions travel as ETag /
 * If-Match: a stale If-Match is a 412 and changes nothing, a change without If-Match is applied.
 */
@Path("flags")
@ApplicationScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class FlagsResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  @EJB FeatureFlags flags;
  @Context SecurityContext security;
  @Context UriInfo uri;

  public record FlagList(String environment, List<FlagView> flags) {}

  public record HistoryItem(
      long id,
      String action,
      String environment,
      String actor,
      Instant changedAt,
      JsonValue before,
      JsonValue after) {}

  public record History(String key, int page, int size, long total, List<HistoryItem> items) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Every flag with its state per environment")
  @APIResponse(
      responseCode = "200",
      description = "The flags and the environment this server runs in",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlagList")))
  public FlagList list() {
    boolean admin = isAdmin();
    return new FlagList(
        flags.environment(), flags.list().stream().map(f -> readView(f, admin)).toList());
  }

  @GET
  @Path("{key}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "One flag; its version is the ETag")
  @APIResponse(
      responseCode = "200",
      description = "The flag",
      headers = {
        @Header(
            name = "ETag",
            description = "The flag's version, for If-Match",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flag")))
  @APIResponse(responseCode = "400", description = "The key cannot be read (invalid-parameter)")
  @APIResponse(responseCode = "404", description = "No flag has this key (flag-not-found)")
  public Response get(@PathParam("key") String key) {
    return withVersion(Response.ok(), readView(flags.get(key), isAdmin()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a flag")
  @APIResponse(
      responseCode = "201",
      description = "The flag as created",
      headers = {
        @Header(
            name = "Location",
            description = "The flag's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        @Header(
            name = "ETag",
            description = "The flag's version, for If-Match",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flag")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields) or a key or"
              + " environment the flags module refuses (invalid-flag)")
  @APIResponse(responseCode = "409", description = "A flag with this key exists (flag-exists)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public Response create(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "new flag",
                              value =
                                  "{\"key\":\"new_dashboard\",\"description\":\"The new dashboard\",\"environments\":{\"development\":{\"enabled\":true,\"rolloutPercentage\":100}}}")))
          @Valid
          @NotNull
          FlagRequests.Create request) {
    FlagView created =
        flags.create(
            new FlagDefinition(
                request.key(), request.description(), states(request.environments())),
            actor());
    return withVersion(
        Response.created(uri.getBaseUriBuilder().path("flags").path(created.key()).build()),
        created);
  }

  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace a flag's description and states")
  @APIResponse(
      responseCode = "200",
      description = "The flag as replaced",
      headers = {
        @Header(
            name = "ETag",
            description = "The flag's version, for If-Match",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flag")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields), a change the"
              + " flags module refuses (invalid-flag), or an If-Match that is not a version (invalid-if-match)")
  @APIResponse(responseCode = "404", description = "No flag has this key (flag-not-found)")
  @APIResponse(
      responseCode = "412",
      description =
          "If-Match names another version than the flag's (stale-flag-version); nothing changed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public Response replace(
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull FlagRequests.Replace request) {
    FlagView replaced =
        flags.replace(
            key,
            new FlagDefinition(
                request.key(), request.description(), states(request.environments())),
            expectedVersion(ifMatch),
            actor());
    return withVersion(Response.ok(), replaced);
  }

  @PATCH
  @Path("{key}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Change a flag's state in one environment (the running one when omitted)")
  @APIResponse(
      responseCode = "200",
      description = "The flag as changed",
      headers = {
        @Header(
            name = "ETag",
            description = "The flag's version, for If-Match",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flag")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields), a change the"
              + " flags module refuses (invalid-flag), or an If-Match that is not a version (invalid-if-match)")
  @APIResponse(responseCode = "404", description = "No flag has this key (flag-not-found)")
  @APIResponse(
      responseCode = "412",
      description =
          "If-Match names another version than the flag's (stale-flag-version); nothing changed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public Response patch(
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @RequestBody(
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    examples =
                        @ExampleObject(
                            name = "a quarter of customers",
                            value = "{\"enabled\":true,\"rolloutPercentage\":25}")),
                @Content(mediaType = MERGE_PATCH)
              })
          @Valid
          @NotNull
          FlagRequests.Patch request) {
    FlagView patched =
        flags.patch(
            key,
            new FlagPatch(
                request.enabled(),
                request.rolloutPercentage(),
                request.environment(),
                request.description()),
            expectedVersion(ifMatch),
            actor());
    return withVersion(Response.ok(), patched);
  }

  @DELETE
  @Path("{key}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Delete a flag (billing_v2 cannot be deleted)")
  @APIResponse(responseCode = "204", description = "The flag is deleted")
  @APIResponse(
      responseCode = "400",
      description =
          "The key cannot be read (invalid-parameter), or an If-Match that is not a version (invalid-if-match)")
  @APIResponse(responseCode = "404", description = "No flag has this key (flag-not-found)")
  @APIResponse(
      responseCode = "409",
      description = "The flag decides the billing path and cannot be deleted (flag-protected)")
  @APIResponse(
      responseCode = "412",
      description =
          "If-Match names another version than the flag's (stale-flag-version); nothing changed")
  @APIResponse(responseCode = "503", ref = "Busy")
  public Response delete(
      @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    flags.delete(key, expectedVersion(ifMatch), actor());
    return Response.noContent().build();
  }

  @GET
  @Path("{key}/history")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Every change of a flag, newest first, paged")
  @APIResponse(
      responseCode = "200",
      description = "One page of the flag's changes",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlagHistory")))
  @APIResponse(
      responseCode = "400",
      description =
          "page or size cannot be read (invalid-parameter) or is out of range (invalid-flag)")
  @APIResponse(responseCode = "404", description = "No flag has this key (flag-not-found)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public History history(
      @PathParam("key") String key,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    var history = flags.history(key, page, size);
    boolean admin = isAdmin();
    return new History(
        history.key(),
        history.page(),
        history.size(),
        history.total(),
        history.items().stream().map(change -> item(change, admin)).toList());
  }

  @GET
  @Path("{key}/evaluate")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "The flag for one subject in the running environment")
  @APIResponse(
      responseCode = "200",
      description =
          "Whether the subject is in the rollout, its bucket and the reason (ERROR for an unknown"
              + " flag or no subject)",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Evaluation")))
  @APIResponse(
      responseCode = "400",
      description = "The key or subject cannot be read (invalid-parameter)")
  public Evaluation evaluate(@PathParam("key") String key, @QueryParam("subject") String subject) {
    if (subject != null) {
      CallerAccess.actingFor(security, subject);
    }
    return flags.evaluate(key, subject);
  }

  private boolean isAdmin() {
    return security.isUserInRole(Roles.ADMIN);
  }

  /** The flag as this caller may see it: who last changed it, for admins only. */
  static FlagView readView(FlagView flag, boolean admin) {
    if (admin || flag.updatedBy() == null) {
      return flag;
    }
    return new FlagView(
        flag.key(),
        flag.description(),
        flag.version(),
        flag.environments(),
        flag.createdAt(),
        flag.updatedAt(),
        null);
  }

  private String actor() {
    Caller caller = CallerAccess.caller(security);
    return caller.actor();
  }

  private static Response withVersion(Response.ResponseBuilder builder, FlagView flag) {
    return builder.tag(new EntityTag(String.valueOf(flag.version()))).entity(flag).build();
  }

  /** The version an If-Match names: {@code "3"}, {@code W/"3"} or {@code 3}; none or * is any. */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new ProblemException(
          Problem.of(
              400,
              "invalid-if-match",
              "Invalid If-Match",
              "If-Match must be the flag's ETag as GET answered it, such as \"3\"."));
    }
  }

  private static Map<String, EnvironmentState> states(Map<String, FlagRequests.State> requested) {
    if (requested == null) {
      return null;
    }
    Map<String, EnvironmentState> states = new LinkedHashMap<>();
    requested.forEach(
        (env, s) -> states.put(env, new EnvironmentState(s.enabled(), s.rolloutPercentage())));
    return states;
  }

  /** One change as this caller may see it: who made it, for admins only. */
  static HistoryItem item(FlagChange change, boolean admin) {
    return new HistoryItem(
        change.id(),
        change.action(),
        change.environment(),
        admin ? change.actor() : null,
        change.changedAt(),
        json(change.before()),
        json(change.after()));
  }

  private static JsonValue json(String text) {
    if (text == null) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
