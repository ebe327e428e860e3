package com.acme.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.CheckoutRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's list of problem types holds every type the API can answer: each {@code
 * Problem.of(status, "type", ...)} of the web module's sources and each reason a checkout is
 * refused for (whose type is the reason's name).
 */
class ReadmeProblemTypesTest {

  private static final Pattern TYPE_IN_SOURCE =
      Pattern.compile("Problem\\.of\\(\\s*[^,]+?,\\s*\"([a-z0-9-]+)\"");

  @Test
  void theReadmeListsEveryProblemTypeTheApiAnswers() throws IOException {
    Set<String> types = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher type = TYPE_IN_SOURCE.matcher(Files.readString(file));
        while (type.find()) {
          types.add(type.group(1).equals("http-") ? "http-<status>" : type.group(1));
        }
      }
    }
    for (CheckoutRefusedException.Reason reason : CheckoutRefusedException.Reason.values()) {
      types.add(reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Errors it answers"));
    section = section.substring(0, section.indexOf("\n## ", 1));

    assertThat(types).as("problem types found in the sources").hasSizeGreaterThan(35);
    String listed = section;
    assertThat(types)
        .as("problem types missing from the README")
        .allMatch(t -> listed.contains("`" + t + "`"));
  }
}
