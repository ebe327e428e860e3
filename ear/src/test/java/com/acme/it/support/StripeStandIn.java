package com.acme.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A local stand-in for Stripe's API (Stripe itself is not reachable here), answering with Stripe's
 * own example objects. The IT server's stripe-java client is pointed at it.
 */
public final class StripeStandIn {

  private StripeStandIn() {}

  public static WireMockServer start(int port) {
    WireMockServer server = new WireMockServer(options().port(port).templatingEnabled(true));
    server.start();
    server.stubFor(
        post(urlEqualTo("/v1/customers"))
            .willReturn(ok(withTemplatedId(StripeEvents.fixture("customer"), "cus_"))));
    server.stubFor(
        get(urlPathEqualTo("/v1/checkout/sessions"))
            .willReturn(
                ok(
                    "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/checkout/sessions\"}")));
    JsonObject session =
        Json.createObjectBuilder(StripeEvents.fixture("checkout_session"))
            .add("mode", "subscription")
            .add("status", "open")
            .build();
    server.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(ok(withTemplatedId(session, "cs_test_"))));
    server.stubFor(
        post(urlEqualTo("/v1/billing_portal/sessions"))
            .willReturn(ok(StripeEvents.fixture("portal_session").toString())));
    // The server's alert webhook (billing.alert.webhook-url) points here too.
    server.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(204)));
    return server;
  }

  private static String withTemplatedId(JsonObject object, String prefix) {
    return Json.createObjectBuilder(object)
        .add("id", prefix + "RANDOM_ID")
        .build()
        .toString()
        .replace("RANDOM_ID", "{{randomValue length=14 type='ALPHANUMERIC'}}");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_standin")
        .withBody(body)
        .withTransformers("response-template");
  }
}
