package com.acme.web.identity;

import com.acme.web.Roles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs development tokens with the development private key. On only while {@code
 * dev.token.enabled} (the development profile's default; the production profile refuses to start
 * with it).
 */
@ApplicationScoped
public class DevTokenIssuer {

  static final List<String> ROLES = List.of(Roles.CUSTOMER, Roles.SERVICE, Roles.ADMIN);
  static final String DEFAULT_CUSTOMER = "cust_demo";

  @Inject
  @ConfigProperty(name = "dev.token.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "dev.token.private-key.location")
  String privateKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  String audience;

  private volatile PrivateKey key;

  public boolean enabled() {
    return enabled;
  }

  public String issue(String role, String customerId, String subject, int minutes) {
    Instant now = Instant.now();
    String customer =
        customerId != null && !customerId.isBlank()
            ? customerId
            : Roles.CUSTOMER.equals(role) ? DEFAULT_CUSTOMER : null;
    String sub = subject != null && !subject.isBlank() ? subject : "dev-" + role;
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience.split(",")[0].trim())
            .subject(sub)
            .claim("upn", sub)
            .claim("groups", List.of(role))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60L * minutes)));
    if (customer != null) {
      claims.claim(Caller.CUSTOMER_ID_CLAIM, customer);
    }
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
              claims.build());
      jwt.sign(new RSASSASigner(privateKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign development token", e);
    }
  }

  private PrivateKey privateKey() {
    PrivateKey k = key;
    if (k == null) {
      try {
        String pem = Files.readString(Path.of(privateKeyLocation), StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        k =
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        key = k;
      } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "cannot read the development private key at dev.token.private-key.location", e);
      }
    }
    return k;
  }
}
