package com.acme.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The one JAX-RS application. It sits at {@code /} so that the documented paths ({@code
 * /billing/...}, {@code /flags/...}) are served and listed in OpenAPI exactly as written; the UI's
 * static files are served by {@link com.acme.web.ui.StaticFilesResource} beside it.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Billing and feature-flag platform",
            version = "1.0",
            description =
                "Plans, entitlements, usage limits, Stripe billing and feature flags. Every error"
                    + " is application/problem+json (RFC 9457) with a stable type. Besides the"
                    + " answers each operation lists, any path answers an unknown sub-path with 404"
                    + " not-found, a method it does not support with 405 (with Allow) and an Accept"
                    + " it cannot meet with 406."))
@SecurityScheme(
    securitySchemeName = "jwt",
    description =
        "A MicroProfile JWT: its groups claim carries the roles (customer, service, admin), its"
            + " customer_id claim the customer a customer token acts for.",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
@SecurityScheme(
    securitySchemeName = "stripeSignature",
    description =
        "Stripe's signature of the raw body (t=...,v1=...: HMAC-SHA256 with the webhook secret),"
            + " checked with a tolerance of 300 s.",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    apiKeyName = "Stripe-Signature")
public class BillingApplication extends Application {}
