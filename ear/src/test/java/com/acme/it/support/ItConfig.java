package com.acme.it.support;

import java.net.URI;
import java.nio.file.Path;

/** What failsafe tells the tests about the servers and the database (see ear/pom.xml). */
public final class ItConfig {

  private ItConfig() {}

  public static String get(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through failsafe)");
    }
    return value;
  }

  public static int integer(String name) {
    return Integer.parseInt(get(name));
  }

  public static URI baseUri() {
    return URI.create("http://localhost:" + integer("it.http.port"));
  }

  public static Path ear() {
    return Path.of(get("it.ear"));
  }

  public static Path wlpDir() {
    return Path.of(get("it.wlp.dir"));
  }

  public static String jdbcUrl() {
    return "jdbc:postgresql://"
        + get("it.db.host")
        + ":"
        + get("it.db.port")
        + "/"
        + get("it.db.name");
  }
}
