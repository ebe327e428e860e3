package com.acme.web.invoice;

import com.acme.billing.api.Invoices;
import com.acme.billing.api.Invoices.InvoicePage;
import com.acme.web.Ids;
import com.acme.web.Roles;
import com.acme.web.identity.CallerAccess;
import com.acme.web.request.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The customer's billing history (the same access rules as the subscription status). */
@Path("billing")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class InvoiceResource {

  @EJB Invoices invoices;
  @Context SecurityContext security;

  @GET
  @Path("invoices/{customerId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
  @Operation(
      summary = "The customer's invoices, newest first, paged",
      description =
          "From the local mirror kept by Stripe's invoice.* webhooks: number, date, period,"
              + " amounts due and paid, currency, status, hosted invoice page and PDF.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the customer's invoices",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvoiceList")))
  @APIResponse(
      responseCode = "400",
      description =
          "The customer id cannot be one (validation-failed), or page or size is out of range"
              + " (invalid-parameter)")
  @APIResponse(responseCode = "503", ref = "Busy")
  public InvoicePage list(
      @PathParam("customerId") @Pattern(regexp = Ids.CUSTOMER_ID, message = Ids.CUSTOMER_ID_MESSAGE)
          String customerId,
      @Parameter(
              description = "The page, from 0",
              schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
          @QueryParam("page")
          @DefaultValue("0")
          int page,
      @Parameter(
              description = "Invoices per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "" + Invoices.MAX_PAGE_SIZE))
          @QueryParam("size")
          @DefaultValue("20")
          int size) {
    CallerAccess.actingFor(security, customerId);
    QueryParameters.requirePage(page, size, Invoices.MAX_PAGE_SIZE);
    return invoices.invoices(customerId, page, size);
  }
}
