package com.acme.it.billing;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log read by an admin on PostgreSQL: what an admin correction and a customer's overage
 * change recorded, filtered by customer, type and time range, newest first, in pages; filters that
 * cannot be read are refused as problems.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

  private final BillingApi billing = BillingApi.testServer();
  private final Http http = billing.http();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void anAdminReadsTheChangesOfACustomerFilteredNewestFirstAndPaged() {
    String customer = BillingApi.newCustomer("audit");
    billing.subscribe(customer, "PRO", "active");
    HttpResponse<String> changed =
        http.put(
            "/billing/overage/" + customer,
            Tokens.customer(customer),
            "{\"resources\":{\"build_hours\":{\"enabled\":true,\"monthlyCapCents\":4321}}}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    JsonObject all = audit("?customerId=" + customer);
    assertThat(all.getInt("total")).isEqualTo(2);
    JsonArray items = all.getJsonArray("items");
    JsonObject newest = items.getJsonObject(0);
    JsonObject oldest = items.getJsonObject(1);
    assertThat(newest.getString("action")).isEqualTo("overage_setting_changed");
    assertThat(newest.getString("actor")).isEqualTo("user-" + customer);
    assertThat(newest.getString("after")).contains("build_hours").doesNotContain("4321");
    assertThat(oldest.getString("action")).isEqualTo("subscription.corrected");
    assertThat(oldest.getString("actor")).isEqualTo("admin-alice");
    assertThat(oldest.getString("after")).contains("PRO");
    assertThat(newest.getJsonNumber("id").longValue())
        .isGreaterThan(oldest.getJsonNumber("id").longValue());

    assertThat(
            audit("?customerId=" + customer + "&type=overage_setting_changed")
                .getJsonArray("items"))
        .hasSize(1);
    String newestAt = newest.getString("occurredAt");
    JsonObject since = audit("?customerId=" + customer + "&from=" + newestAt);
    assertThat(since.getJsonArray("items").getJsonObject(0).getString("action"))
        .isEqualTo("overage_setting_changed");
    assertThat(since.getInt("total")).isEqualTo(1);
    JsonObject before = audit("?customerId=" + customer + "&to=" + newestAt);
    assertThat(before.getInt("total")).isEqualTo(1);
    assertThat(before.getJsonArray("items").getJsonObject(0).getString("action"))
        .isEqualTo("subscription.corrected");

    JsonObject secondPage = audit("?customerId=" + customer + "&size=1&page=1");
    assertThat(secondPage.getInt("total")).isEqualTo(2);
    assertThat(secondPage.getJsonArray("items").getJsonObject(0).getString("action"))
        .isEqualTo("subscription.corrected");
    assertThat(Instant.parse(oldest.getString("occurredAt")))
        .isBeforeOrEqualTo(Instant.parse(newestAt));
  }

  @Test
  void filtersThatCannotBeReadAreRefusedNamingTheParameter() {
    refused("?from=yesterday", "from");
    refused("?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from");
    refused("?customerId=no%20spaces", "customerId");
    refused("?type=DROP%20TABLE", "type");
    refused("?size=101", "size");
    refused("?page=-1", "page");
  }

  private JsonObject audit(String query) {
    HttpResponse<String> response = http.get("/billing/audit" + query, Tokens.admin());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private void refused(String query, String parameter) {
    HttpResponse<String> response = http.get("/billing/audit" + query, Tokens.admin());
    assertProblem(response, 400, "invalid-parameter");
    assertThat(Http.json(response).getString("field")).isEqualTo(parameter);
  }
}
