package com.acme.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.ItConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The EAR the build produced holds the three modules, with the web module at context root /. */
class EarContentsIT {

  @Test
  void earHoldsBothEjbModulesAndTheWebModuleAtRoot() throws IOException {
    try (ZipFile ear = new ZipFile(ItConfig.ear().toFile())) {
      assertThat(ear.getEntry("flags-ejb.jar")).isNotNull();
      assertThat(ear.getEntry("billing-ejb.jar")).isNotNull();
      assertThat(ear.getEntry("web.war")).isNotNull();
      ZipEntry descriptor = ear.getEntry("META-INF/application.xml");
      String xml;
      try (InputStream in = ear.getInputStream(descriptor)) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(xml)
          .contains("<ejb>flags-ejb.jar</ejb>")
          .contains("<ejb>billing-ejb.jar</ejb>")
          .contains("<web-uri>web.war</web-uri>")
          .contains("<context-root>/</context-root>");
      // Libraries the EJB modules need are in the EAR's lib/ (the test classpath must not demote
      // them: a test-scoped twin of a dependency drops it from the EAR).
      assertThat(ear.stream().map(ZipEntry::getName))
          .anyMatch(n -> n.startsWith("lib/") && n.contains("stripe-java"))
          .anyMatch(n -> n.startsWith("lib/") && n.contains("flyway-core"))
          // What every module needs the same way (the schema migration), once.
          .anyMatch(n -> n.startsWith("lib/") && n.contains("platform-lib"))
          .anyMatch(n -> n.startsWith("lib/") && n.contains("openfeature"))
          // OpenFeature's SLF4J messages reach Liberty's log through java.util.logging.
          .anyMatch(n -> n.startsWith("lib/") && n.contains("slf4j-jdk14"));
      // JDBC drivers live in the server's lib/global, not in the application.
      assertThat(ear.stream().map(ZipEntry::getName))
          .noneMatch(n -> n.contains("postgresql") && n.endsWith(".jar") && !n.contains("flyway"));
    }
  }
}
