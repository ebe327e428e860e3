package com.acme.web.datakeys;

import com.acme.billing.api.DataKeyAdministration;
import com.acme.billing.api.DataKeyAdministration.ReEncryption;
import com.acme.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The data keys' admin command: re-encrypt the stored billing data under the primary key. */
@Path("billing/admin/data-keys")
@RequestScoped
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@SecurityRequirement(name = "jwt")
public class AdminDataKeysResource {

  @EJB DataKeyAdministration dataKeys;

  @POST
  @Path("re-encrypt")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Re-encrypt the stored billing data under the primary data key",
      description =
          "Run after a new primary key was added to the keyset (README, \"Data keys\"): every"
              + " stored webhook payload and overage setting still in plaintext or sealed under an"
              + " older key is sealed anew, in batches; the older key can then leave the keyset."
              + " Safe to run while the product serves, and to run again.")
  @APIResponse(
      responseCode = "200",
      description = "How many rows of each table were sealed anew, and under which key",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReEncryption")))
  @APIResponse(responseCode = "503", ref = "Busy")
  public ReEncryption reEncrypt() {
    return dataKeys.reEncrypt();
  }
}
