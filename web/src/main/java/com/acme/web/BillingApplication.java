package com.acme.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
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
            description = "Plans, entitlements, usage limits, Stripe billing and feature flags."))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class BillingApplication extends Application {}
