package com.acme.billing.plan;

/** {@code pricing.json} is broken; the message names the field. Stops the server at start-up. */
public class InvalidPricingException extends RuntimeException {
  public InvalidPricingException(String message) {
    super("pricing.json: " + message);
  }
}
