package com.acme.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

  private final Http http = Http.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void openApiListsTheServedPathsExactly() {
    HttpResponse<String> response =
        http.send("GET", "/openapi", null, Map.of("Accept", "application/json"), null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject paths = Http.json(response).getJsonObject("paths");
    assertThat(paths.keySet()).contains("/billing/whoami");
    assertThat(paths.keySet()).allMatch(p -> p.startsWith("/billing/") || p.startsWith("/flags"));
    // The path it lists is the path that is served.
    assertThat(http.get("/billing/whoami", null).statusCode()).isEqualTo(401);
  }

  @Test
  void openApiUiAndStaticUiAreServed() {
    assertThat(http.get("/openapi/ui/", null).statusCode()).isEqualTo(200);
    HttpResponse<String> index = http.get("/", null);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
    HttpResponse<String> script = http.get("/app.js", null);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/javascript"));
  }
}
