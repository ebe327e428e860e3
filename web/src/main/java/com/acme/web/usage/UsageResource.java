package com.acme.web.usage;

import com.acme.billing.api.UsageHistory;
import com.acme.billing.api.UsageMeter;
import com.acme.billing.api.UsageOutcome;
import com.acme.billing.api.UsageReport;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.Caller;
import com.acme.web.identity.CallerAccess;
import com.acme.web.metrics.ApiMetrics;
import com.acme.web.request.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Usage recording (services) and usage-limit checks (anyone for its own customer). */
@Path("billing")
@ApplicationScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class UsageResource {

  /**
   * Larger single amounts are a client bug, not usage. Amounts are read as decimals so that a
   * fraction is refused (400) instead of being truncated to a whole number.
   */
  static final String MAX_AMOUNT = "1000000000";

  @EJB UsageMeter meter;
  @Inject ApiMetrics metrics;

  /** UTC: the days of the history are UTC days. */
  private final Clock clock = Clock.systemUTC();

  @Context SecurityContext security;

  public record ConsumptionRequest(
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @NotBlank @Size(max = 32) String resource,
      @NotNull @Positive @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = 0)
          BigDecimal quantity,
      @NotBlank @Size(max = 200) String idempotencyKey,
      Boolean enforce) {}

  public record LevelRequest(
      @NotNull @PositiveOrZero @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = 0)
          BigDecimal value,
      @NotBlank @Size(max = 200) String idempotencyKey,
      Boolean enforce) {}

  public record UsageCheckRequest(
      @NotBlank @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @Size(max = 16)
          Map<
                  String,
                  @NotNull @PositiveOrZero @DecimalMax(MAX_AMOUNT)
                  @Digits(integer = 10, fraction = 0) BigDecimal>
              usage) {}

  @POST
  @Path("usage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "Record consumption (build_hours, ai_embeddings)",
      description =
          "Atomic check-and-consume: 409 when it would pass the limit, unless enforce is false."
              + " The same idempotencyKey twice counts once.")
  @APIResponse(
      responseCode = "200",
      description = "The resource's usage line after the record (duplicate: recorded before)",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UsageOutcome")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields), a resource"
              + " that does not exist or is not consumed (unknown-resource, invalid-usage)")
  @APIResponse(
      responseCode = "409",
      description =
          "The record would pass the plan's limit and nothing was recorded (usage-limit-exceeded,"
              + " with resource, used, limit, requested), or the idempotencyKey was used for another"
              + " amount (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public UsageOutcome record(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "two build hours",
                              value =
                                  "{\"customerId\":\"cust_42\",\"resource\":\"build_hours\",\"quantity\":2,\"idempotencyKey\":\"job-1\"}")))
          @Valid
          @NotNull
          ConsumptionRequest request) {
    Caller caller = CallerAccess.actingFor(security, request.customerId());
    return meter.recordConsumption(
        request.customerId(),
        request.resource(),
        request.quantity().longValueExact(),
        request.idempotencyKey(),
        request.enforce() == null || request.enforce(),
        caller.actor());
  }

  @PUT
  @Path("usage/{customerId}/{resource}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
  @Operation(summary = "Set a level (projects, storage_gb); raising it past the limit is a 409")
  @APIResponse(
      responseCode = "200",
      description = "The resource's usage line after the record (duplicate: recorded before)",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UsageOutcome")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields), a resource"
              + " that does not exist or is not a level (unknown-resource, invalid-usage)")
  @APIResponse(
      responseCode = "409",
      description =
          "The level would pass the plan's limit and nothing was recorded (usage-limit-exceeded,"
              + " with resource, used, limit, requested), or the idempotencyKey was used for another"
              + " value (idempotency-key-reused)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public UsageOutcome setLevel(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @PathParam("resource") @Size(max = 32) String resource,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "three projects",
                              value = "{\"value\":3,\"idempotencyKey\":\"projects-1\"}")))
          @Valid
          @NotNull
          LevelRequest request) {
    Caller caller = CallerAccess.actingFor(security, customerId);
    return meter.setLevel(
        customerId,
        resource,
        request.value().longValueExact(),
        request.idempotencyKey(),
        request.enforce() == null || request.enforce(),
        caller.actor());
  }

  @POST
  @Path("check-usage-limits")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary =
          "Every resource's usage line; with usage, whether that much more fits; without, whether"
              + " one more unit of every resource fits")
  @APIResponse(
      responseCode = "200",
      description = "Every resource's usage line and whether the extra amount fits",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UsageReport")))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid input (validation-failed, malformed-request-body, unknown-fields) or a resource"
              + " that does not exist (unknown-resource, with knownResources)")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Busy")
  public UsageReport check(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "four more build hours",
                              value =
                                  "{\"customerId\":\"cust_42\",\"usage\":{\"build_hours\":4}}")))
          @Valid
          @NotNull
          UsageCheckRequest request) {
    CallerAccess.actingFor(security, request.customerId());
    Map<String, Long> extra = new LinkedHashMap<>();
    if (request.usage() != null) {
      request.usage().forEach((resource, amount) -> extra.put(resource, amount.longValueExact()));
    }
    UsageReport report = meter.check(request.customerId(), extra);
    metrics.usageChecked(report.allowed());
    return report;
  }

  @GET
  @Path("usage/history/{customerId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "One resource's usage per day (UTC), for a usage chart",
      description =
          "Every day from `from` to `to` (both included; the last 30 days when omitted, at most"
              + " 366): for build_hours and ai_embeddings what was consumed that day, for projects"
              + " and storage_gb the level at the end of the day.")
  @APIResponse(
      responseCode = "200",
      description = "The resource's usage per day",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UsageHistory")))
  @APIResponse(
      responseCode = "400",
      description =
          "The customer id cannot be one (validation-failed), resource is missing, from or to is"
              + " not a date, from is after to or the range is too long (invalid-parameter), or"
              + " the resource does not exist (unknown-resource, with knownResources)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public UsageHistory history(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @Parameter(
              description = "The resource",
              required = true,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"projects", "build_hours", "storage_gb", "ai_embeddings"}))
          @QueryParam("resource")
          String resource,
      @Parameter(
              description = "The first day (UTC), YYYY-MM-DD; 29 days before `to` when omitted",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "The last day (UTC), YYYY-MM-DD; today when omitted",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("to")
          String to) {
    CallerAccess.actingFor(security, customerId);
    if (resource == null || resource.isBlank()) {
      throw QueryParameters.invalid("resource", "resource is required (one of the resource ids).");
    }
    if (resource.length() > 32) {
      throw QueryParameters.invalid("resource", "resource must be at most 32 characters.");
    }
    LocalDate last = QueryParameters.date("to", to, LocalDate.now(clock));
    LocalDate first =
        QueryParameters.date("from", from, last.minusDays(UsageHistory.DEFAULT_DAYS - 1L));
    if (first.isAfter(last)) {
      throw QueryParameters.invalid("from", "from must not be after to.");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > UsageHistory.MAX_DAYS) {
      throw QueryParameters.invalid(
          "from", "The range may cover at most " + UsageHistory.MAX_DAYS + " days.");
    }
    return meter.history(customerId, resource, first, last);
  }
}
