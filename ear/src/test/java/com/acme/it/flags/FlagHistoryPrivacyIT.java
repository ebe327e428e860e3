package com.acme.it.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flag's history names who changed it, for admins only: a customer or a service reading the flag,
 * its list, its history or an evaluation never sees an admin's identity.
 */
@ExtendWith(ArquillianExtension.class)
class FlagHistoryPrivacyIT {

  private final Http http = Http.testServer();
  private final FlagsApi flags = FlagsApi.testServer();
  private String key;
  private String adminSubject;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** A flag created and changed by an admin whose name appears nowhere else. */
  @BeforeEach
  void aFlagChangedByANamedAdmin() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    key = "privacy_" + suffix;
    adminSubject = "admin-carol-" + suffix;
    String admin = Tokens.admin(adminSubject);
    HttpResponse<String> created =
        http.post("/flags", admin, "{\"key\":\"" + key + "\",\"description\":\"privacy\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> changed =
        flags.patch(key, "{\"enabled\":true,\"rolloutPercentage\":50}", null, admin);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
  }

  @Test
  void anAdminSeesWhoChangedTheFlag() {
    JsonObject history = Http.json(http.get("/flags/" + key + "/history", Tokens.admin()));
    assertThat(history.getJsonArray("items").getValuesAs(JsonObject.class))
        .hasSize(2)
        .allSatisfy(item -> assertThat(item.getString("actor")).isEqualTo(adminSubject));
    JsonObject flag = Http.json(http.get("/flags/" + key, Tokens.admin()));
    assertThat(flag.getString("updatedBy")).isEqualTo(adminSubject);
  }

  @Test
  void aCustomerOrServiceSeesTheChangesButNoAdminIdentity() {
    for (String reader : List.of(Tokens.customer("cust_privacy"), Tokens.service())) {
      HttpResponse<String> history = http.get("/flags/" + key + "/history", reader);
      assertThat(history.statusCode()).isEqualTo(200);
      List<JsonObject> items =
          Http.json(history).getJsonArray("items").getValuesAs(JsonObject.class);
      assertThat(items).hasSize(2);
      assertThat(items)
          .allSatisfy(item -> assertThat(item.get("actor")).isEqualTo(JsonValue.NULL))
          .anySatisfy(item -> assertThat(item.getString("action")).isEqualTo("updated"));

      for (String path :
          List.of(
              "/flags/" + key + "/history",
              "/flags/" + key,
              "/flags",
              "/flags/" + key + "/evaluate?subject=cust_privacy")) {
        HttpResponse<String> response = http.get(path, reader);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain(adminSubject).doesNotContain("admin-");
      }
    }
  }
}
