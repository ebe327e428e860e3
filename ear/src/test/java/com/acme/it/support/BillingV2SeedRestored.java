package com.acme.it.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@code billing_v2} back to its development seed (on, 100 %) after each test of a class that
 * changes it, so that no other test depends on the order in which classes run. Register it after
 * Arquillian's extension: it talks to the deployed application.
 */
public class BillingV2SeedRestored implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    FlagsApi.testServer().set(FlagsApi.BILLING_V2, true, 100);
  }
}
