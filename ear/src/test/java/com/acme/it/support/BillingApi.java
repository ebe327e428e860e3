package com.acme.it.support;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The billing calls the tests make again and again, through real HTTP. */
public final class BillingApi {

  private final Http http;

  public BillingApi(Http http) {
    this.http = http;
  }

  public static BillingApi testServer() {
    return new BillingApi(Http.testServer());
  }

  public Http http() {
    return http;
  }

  /** A customer id no other test uses. */
  public static String newCustomer(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  public HttpResponse<String> checkFeature(String token, String customerId, String feature) {
    return http.post(
        "/billing/check-feature-access",
        token,
        "{\"customerId\":\"" + customerId + "\",\"feature\":\"" + feature + "\"}");
  }

  public JsonObject feature(String customerId, String feature) {
    HttpResponse<String> response = checkFeature(Tokens.service(), customerId, feature);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "check-feature-access: " + response.statusCode() + " " + response.body());
    }
    return Http.json(response);
  }

  public HttpResponse<String> consume(
      String token,
      String customerId,
      String resource,
      long quantity,
      String key,
      boolean enforce) {
    return http.post(
        "/billing/usage",
        token,
        "{\"customerId\":\"%s\",\"resource\":\"%s\",\"quantity\":%d,\"idempotencyKey\":\"%s\",\"enforce\":%s}"
            .formatted(customerId, resource, quantity, key, enforce));
  }

  public HttpResponse<String> consume(String customerId, String resource, long quantity) {
    return consume(
        Tokens.service(), customerId, resource, quantity, UUID.randomUUID().toString(), true);
  }

  public HttpResponse<String> setLevel(
      String customerId, String resource, long value, boolean enforce) {
    return http.put(
        "/billing/usage/" + customerId + "/" + resource,
        Tokens.service(),
        "{\"value\":%d,\"idempotencyKey\":\"%s\",\"enforce\":%s}"
            .formatted(value, UUID.randomUUID(), enforce));
  }

  public JsonObject usage(String customerId) {
    HttpResponse<String> response =
        http.post(
            "/billing/check-usage-limits",
            Tokens.service(),
            "{\"customerId\":\"" + customerId + "\"}");
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "check-usage-limits: " + response.statusCode() + " " + response.body());
    }
    return Http.json(response).getJsonObject("resources");
  }

  /** Sets the customer's subscription mirror through the admin API (audited, invalidating). */
  public JsonObject correctSubscription(String customerId, String json) {
    HttpResponse<String> response =
        http.put("/billing/admin/customers/" + customerId + "/subscription", Tokens.admin(), json);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "correct subscription: " + response.statusCode() + " " + response.body());
    }
    return Http.json(response);
  }

  public JsonObject subscribe(String customerId, String tierId, String status) {
    return correctSubscription(
        customerId,
        "{\"tierId\":\"%s\",\"status\":\"%s\",\"billingPeriod\":\"monthly\"}"
            .formatted(tierId, status));
  }
}
