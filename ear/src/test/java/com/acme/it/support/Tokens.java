package com.acme.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Bearer tokens as the platform's identity provider would issue them, signed with the dev key. */
public final class Tokens {

  private static final String ISSUER = "https://dev.billing.local";
  private static final String AUDIENCE = "billing-platform";

  private Tokens() {}

  public static String customer(String customerId) {
    return sign(
        devKey(),
        "user-" + customerId,
        List.of("customer"),
        customerId,
        Duration.ofMinutes(30),
        ISSUER);
  }

  public static String service() {
    return sign(devKey(), "svc-platform", List.of("service"), null, Duration.ofMinutes(30), ISSUER);
  }

  public static String admin() {
    return sign(devKey(), "admin-alice", List.of("admin"), null, Duration.ofMinutes(30), ISSUER);
  }

  /** An admin token whose subject (what change histories record) is {@code subject}. */
  public static String admin(String subject) {
    return sign(devKey(), subject, List.of("admin"), null, Duration.ofMinutes(30), ISSUER);
  }

  public static String withGroups(List<String> groups, String customerId) {
    return sign(devKey(), "user-x", groups, customerId, Duration.ofMinutes(30), ISSUER);
  }

  public static String expired(String customerId) {
    return sign(
        devKey(),
        "user-" + customerId,
        List.of("customer"),
        customerId,
        Duration.ofMinutes(-10),
        ISSUER);
  }

  public static String signedWithAnotherKey(String customerId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return sign(
          generator.generateKeyPair().getPrivate(),
          "user-" + customerId,
          List.of("customer"),
          customerId,
          Duration.ofMinutes(30),
          ISSUER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String fromAnotherIssuer(String customerId) {
    return sign(
        devKey(),
        "user-" + customerId,
        List.of("customer"),
        customerId,
        Duration.ofMinutes(30),
        "https://evil.example");
  }

  /** A token as another identity provider (its own key and issuer) would issue it. */
  public static String signed(
      PrivateKey key, String issuer, String subject, List<String> groups, String customerId) {
    return sign(key, subject, groups, customerId, Duration.ofMinutes(30), issuer);
  }

  private static String sign(
      PrivateKey key,
      String subject,
      List<String> groups,
      String customerId,
      Duration validFor,
      String issuer) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(AUDIENCE)
            .subject(subject)
            .claim("upn", subject)
            .claim("groups", groups)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(
                Date.from(validFor.isNegative() ? now.plus(validFor).minusSeconds(600) : now))
            .expirationTime(Date.from(now.plus(validFor)));
    if (customerId != null) {
      claims.claim("customer_id", customerId);
    }
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
              claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey devKey() {
    try {
      String pem = Files.readString(Path.of(ItConfig.get("it.dev.jwt.dir"), "private.pem"));
      byte[] der =
          Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the development private key", e);
    }
  }
}
