package com.acme.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table lists every setting the server reads, by the environment
 * variable an operator sets. The settings are found where the code declares them: {@code
 * ConfigProperty} names and the names the start-up guard reads in the three modules' sources, the
 * keys of their {@code microprofile-config.properties}, and the {@code <variable>}s of Liberty's
 * configuration.
 */
class ReadmeSettingsTest {

  private static final Path ROOT = Path.of("..");

  /** A name given to MicroProfile Config in Java source. */
  private static final Pattern READ_IN_JAVA =
      Pattern.compile(
          "(?:@ConfigProperty\\(\\s*name\\s*=\\s*|\\bvalue\\(|\\bflag\\(|getOptionalValue\\()"
              + "\"([A-Za-z][\\w.-]*)\"");

  /** {@code name = CONSTANT} in a ConfigProperty, resolved in the same file. */
  private static final Pattern READ_BY_CONSTANT =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*([A-Z_]+)\\b");

  private static final Pattern LIBERTY_VARIABLE = Pattern.compile("<variable name=\"([^\"]+)\"");

  /**
   * Names built at run time from a tier, a period or an environment, by the pattern the README
   * gives them.
   */
  private static final List<String> BUILT_AT_RUN_TIME =
      List.of(
          "stripe.pro.monthly.price-id",
          "stripe.pro.monthly.price-ids",
          "flags.billing-v2.seed.staging.enabled",
          "flags.billing-v2.seed.staging.rollout-percentage");

  @Test
  void theReadmeListsEverySettingTheServerReads() throws IOException {
    Set<String> settings = new TreeSet<>();
    for (String name : settingNames()) {
      settings.add(environmentName(name));
    }
    List<Pattern> documented = documentedSettings();

    assertThat(settings).as("settings found").hasSizeGreaterThan(30);
    assertThat(settings)
        .as("settings missing from the README's configuration table")
        .allMatch(s -> documented.stream().anyMatch(p -> p.matcher(s).matches()));
  }

  @Test
  void aSettingMissingFromTheTableIsFound() throws IOException {
    List<Pattern> documented = documentedSettings();

    assertThat(documented.stream().anyMatch(p -> p.matcher("STRIPE_API_KEY").matches())).isTrue();
    assertThat(
            documented.stream().anyMatch(p -> p.matcher("STRIPE_PRO_MONTHLY_PRICE_ID").matches()))
        .isTrue();
    assertThat(documented.stream().anyMatch(p -> p.matcher("STRIPE_NO_SUCH_SETTING").matches()))
        .isFalse();
  }

  /** MicroProfile Config's environment variable for a property name. */
  static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static Set<String> settingNames() throws IOException {
    Set<String> names = new TreeSet<>(BUILT_AT_RUN_TIME);
    for (String module : List.of("billing-ejb", "flags-ejb", "web")) {
      Path main = ROOT.resolve(module).resolve("src/main");
      for (Path file : files(main.resolve("java"), ".java")) {
        String source = Files.readString(file);
        Matcher literal = READ_IN_JAVA.matcher(source);
        while (literal.find()) {
          names.add(literal.group(1));
        }
        Matcher constant = READ_BY_CONSTANT.matcher(source);
        while (constant.find()) {
          Matcher value =
              Pattern.compile(constant.group(1) + "\\s*=\\s*\"([^\"]+)\"").matcher(source);
          assertThat(value.find()).as(constant.group(1) + " in " + file).isTrue();
          names.add(value.group(1));
        }
      }
      Path properties = main.resolve("resources/META-INF/microprofile-config.properties");
      for (String line : Files.readAllLines(properties)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String key = line.substring(0, line.indexOf('=')).replaceFirst("^%\\w+\\.", "");
          // The OpenAPI document's and the metrics' own set-up, not settings.
          if (!key.startsWith("mp.openapi.") && !key.startsWith("mp.metrics.")) {
            names.add(key);
          }
        }
      }
    }
    for (Path xml : files(ROOT.resolve("liberty-config"), ".xml")) {
      Matcher variable = LIBERTY_VARIABLE.matcher(Files.readString(xml));
      while (variable.find()) {
        names.add(variable.group(1));
      }
    }
    return names;
  }

  /** The first column of the README's configuration table, {@code <X>} standing for any word. */
  private static List<Pattern> documentedSettings() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Configure it"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    List<Pattern> documented = new ArrayList<>();
    Matcher name = Pattern.compile("`([A-Z][A-Z0-9_<>]*)`").matcher("");
    for (String row : section.lines().filter(l -> l.startsWith("| `")).toList()) {
      name.reset(row.substring(0, row.indexOf(" | ", 2)));
      while (name.find()) {
        documented.add(
            Pattern.compile(
                Pattern.quote(name.group(1))
                    .replaceAll("<[A-Z]+>", "\\\\E[A-Z0-9]+\\\\Q")
                    .replace("\\Q\\E", "")));
      }
    }
    return documented;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}
