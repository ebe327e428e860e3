package com.acme.web.sandbox;

import com.acme.billing.api.Money;
import com.acme.billing.api.Sandbox;
import com.acme.billing.api.Sandbox.CheckoutPage;
import com.acme.billing.api.Sandbox.InvoicePage;
import com.acme.billing.api.Sandbox.PayResult;
import com.acme.web.problem.HttpProblems;
import com.acme.web.problem.ProblemException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The sandbox's stand-ins for Stripe's hosted checkout and portal pages. They exist only while the
 * sandbox serves (development profile, no Stripe key); otherwise every path here is a 404. Like
 * Stripe's, the pages need no token: the unguessable session id is the capability.
 */
@Path("sandbox")
@RequestScoped
public class SandboxPagesResource {

  @EJB Sandbox sandbox;

  @GET
  @Path("checkout/{sessionId}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String checkoutPage(@PathParam("sessionId") String sessionId) {
    return page(session(sessionId), null);
  }

  @POST
  @Path("checkout/{sessionId}/pay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response pay(@PathParam("sessionId") String sessionId, String form) {
    CheckoutPage page = session(sessionId);
    String card = formValue(form, "card");
    if (card == null || !card.replaceAll("\\s", "").matches("\\d{12,19}")) {
      // 200 with the message on the page, as a hosted payment page does.
      return Response.ok(page(page, "Enter a test card number.")).build();
    }
    PayResult result = sandbox.pay(sessionId, card);
    if (result.error() != null) {
      return Response.status(402).entity(page(page, result.error())).build();
    }
    return Response.seeOther(URI.create(result.redirectUrl())).build();
  }

  @POST
  @Path("checkout/{sessionId}/cancel")
  @Operation(hidden = true)
  public Response cancel(@PathParam("sessionId") String sessionId) {
    return Response.seeOther(
            URI.create(sandbox.cancelUrl(sessionId).orElseThrow(SandboxPagesResource::notFound)))
        .build();
  }

  @GET
  @Path("portal/{portalId}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String portal(@PathParam("portalId") String portalId) {
    return portalHtml(
        portalId, sandbox.portalPage(portalId).orElseThrow(SandboxPagesResource::notFound), null);
  }

  @POST
  @Path("portal/{portalId}/{action}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String portalAction(
      @PathParam("portalId") String portalId, @PathParam("action") String action, String form) {
    sandbox.portalPage(portalId).orElseThrow(SandboxPagesResource::notFound);
    String done =
        sandbox.portalAction(
            portalId, action, formValue(form, "tierId"), formValue(form, "billingPeriod"));
    return portalHtml(
        portalId, sandbox.portalPage(portalId).orElseThrow(SandboxPagesResource::notFound), done);
  }

  @GET
  @Path("invoices/{invoiceId}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String invoice(@PathParam("invoiceId") String invoiceId) {
    InvoicePage invoice = invoicePage(invoiceId);
    StringBuilder body = new StringBuilder("<dl>");
    for (String[] row : invoiceRows(invoice)) {
      body.append("<dt>").append(escape(row[0])).append("</dt><dd>");
      body.append(escape(row[1])).append("</dd>");
    }
    body.append("</dl><p><a href=\"/sandbox/invoices/")
        .append(escape(invoice.invoiceId()))
        .append("/pdf\">Download PDF</a></p>");
    return html("Invoice " + invoice.number() + " (sandbox)", body.toString());
  }

  @GET
  @Path("invoices/{invoiceId}/pdf")
  @Produces("application/pdf")
  @Operation(hidden = true)
  public byte[] invoicePdf(@PathParam("invoiceId") String invoiceId) {
    InvoicePage invoice = invoicePage(invoiceId);
    List<String> lines = new ArrayList<>();
    lines.add("Invoice " + invoice.number() + " (Stripe sandbox)");
    for (String[] row : invoiceRows(invoice)) {
      lines.add(row[0] + ": " + row[1]);
    }
    return OnePagePdf.of(lines);
  }

  private InvoicePage invoicePage(String invoiceId) {
    return sandbox.invoicePage(invoiceId).orElseThrow(SandboxPagesResource::notFound);
  }

  private static List<String[]> invoiceRows(InvoicePage invoice) {
    return List.of(
        new String[] {"Number", invoice.number()},
        new String[] {"Status", invoice.status()},
        new String[] {"Amount paid", money(invoice.amountPaid())},
        new String[] {"Period", invoice.periodStart() + " to " + invoice.periodEnd()},
        new String[] {"Date", invoice.created().toString()});
  }

  private static String money(Money money) {
    return String.format(
        Locale.ROOT, "%.2f %s", money.amount() / 100.0, money.currency().toUpperCase(Locale.ROOT));
  }

  private static String portalHtml(String portalId, Sandbox.PortalPage page, String message) {
    String id = escape(portalId);
    StringBuilder body = new StringBuilder();
    if (message != null) {
      body.append("<p role=\"status\">").append(escape(message)).append("</p>");
    }
    if (page.tierId() == null) {
      body.append("<p>No active subscription.</p>");
    } else {
      body.append("<p>Current plan: <strong>")
          .append(escape(page.tierId()))
          .append("</strong>, billed ")
          .append(escape(page.billingPeriod()))
          .append(page.cancelAtPeriodEnd() ? " (cancels at the end of the period)" : "")
          .append("</p>");
      for (String tier : new String[] {"STARTER", "PRO", "SCALE"}) {
        for (String period : new String[] {"monthly", "yearly"}) {
          if (!(tier.equals(page.tierId()) && period.equals(page.billingPeriod()))) {
            body.append("<form method=\"post\" action=\"/sandbox/portal/")
                .append(id)
                .append("/switch\">")
                .append("<input type=\"hidden\" name=\"tierId\" value=\"")
                .append(tier)
                .append("\">")
                .append("<input type=\"hidden\" name=\"billingPeriod\" value=\"")
                .append(period)
                .append("\">")
                .append("<button type=\"submit\">Switch to ")
                .append(tier)
                .append(' ')
                .append(period)
                .append("</button></form>");
          }
        }
      }
      String toggle = page.cancelAtPeriodEnd() ? "resume" : "cancel";
      body.append("<form method=\"post\" action=\"/sandbox/portal/")
          .append(id)
          .append("/")
          .append(toggle)
          .append("\">")
          .append("<button type=\"submit\">")
          .append(page.cancelAtPeriodEnd() ? "Resume subscription" : "Cancel at period end")
          .append("</button></form>")
          .append("<form method=\"post\" action=\"/sandbox/portal/")
          .append(id)
          .append("/update-card\">")
          .append("<button type=\"submit\">Update card</button></form>");
    }
    body.append("<p><a href=\"").append(escape(page.returnUrl())).append("\">Return</a></p>");
    return html("Billing portal (sandbox)", body.toString());
  }

  /** A field of an x-www-form-urlencoded body (read whole, so the size limit applies). */
  static String formValue(String form, String name) {
    if (form == null) {
      return null;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private CheckoutPage session(String sessionId) {
    return sandbox.checkoutPage(sessionId).orElseThrow(SandboxPagesResource::notFound);
  }

  private static ProblemException notFound() {
    return new ProblemException(HttpProblems.forStatus(404));
  }

  private static String page(CheckoutPage page, String error) {
    String price = money(page.price());
    String body =
        "<p>"
            + escape(page.tierName())
            + " plan, billed "
            + escape(page.billingPeriod())
            + ": <strong>"
            + price
            + "</strong></p>"
            + (error == null ? "" : "<p role=\"alert\" class=\"error\">" + escape(error) + "</p>")
            + ("open".equals(page.status())
                ? "<form method=\"post\" action=\"/sandbox/checkout/"
                    + escape(page.sessionId())
                    + "/pay\">"
                    + "<label>Card number <input name=\"card\" inputmode=\"numeric\""
                    + " value=\"4242 4242 4242 4242\" autocomplete=\"off\"></label>"
                    + "<p class=\"hint\">Test cards: 4242 4242 4242 4242 pays;"
                    + " 4000 0000 0000 0002 is declined.</p>"
                    + "<button type=\"submit\">Pay</button></form>"
                    + "<form method=\"post\" action=\"/sandbox/checkout/"
                    + escape(page.sessionId())
                    + "/cancel\">"
                    + "<button type=\"submit\">Cancel</button></form>"
                : "<p>This checkout session is " + escape(page.status()) + ".</p>");
    return html("Checkout (sandbox)", body);
  }

  private static String html(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
