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
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The feature-flag admin API. Anyone authenticated reads; a customer evaluates only its own id;
 * only admins change flags. Who changed a flag ({@code updatedBy}, a history item's {@code actor})
 * is shown to admins only: other callers read {@code null} there. Versions travel as ETag /
 * If-Match: a stale If-Match is a 412 and changes nothing, a change without If-Match is applied.
 */
@Path("flags")
@RequestScoped
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
  public Response get(@PathParam("key") String key) {
    return withVersion(Response.ok(), readView(flags.get(key), isAdmin()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a flag")
  public Response create(@Valid @NotNull FlagRequests.Create request) {
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
  public Response patch(
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull FlagRequests.Patch request) {
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
