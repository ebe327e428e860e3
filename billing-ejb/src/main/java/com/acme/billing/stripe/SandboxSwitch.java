package com.acme.billing.stripe;

import java.util.Optional;

/**
 * The one rule that says when the built-in sandbox serves: while it is enabled ({@code
 * stripe.sandbox.enabled}, on only in the development profile) and no Stripe API key is set, never
 * beside a key.
 */
public final class SandboxSwitch {

  private SandboxSwitch() {}

  public static boolean serves(boolean sandboxEnabled, Optional<String> apiKey) {
    return sandboxEnabled && apiKey.filter(k -> !k.isBlank()).isEmpty();
  }
}
