package com.acme.billing.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file command: new, rotate, retire; it never prints key material. */
class DataKeysCommandTest {

  @TempDir Path dir;

  @Test
  void rotateAddsAPrimaryThatSealsWhileTheOldKeyStillOpensAndRetireKeepsOnlyThePrimary()
      throws Exception {
    Path file = dir.resolve("keys.json");
    String created = run("new", file);
    String oldId = created.strip();
    byte[] sealed =
        TestCiphers.of(KeysetLoader.parse(Files.readString(file), "f")).seal("v", "row");

    String rotated = run("rotate", file);
    DataCipher afterRotation = TestCiphers.of(KeysetLoader.parse(Files.readString(file), "f"));

    String oldNumber = oldId.replace(" primary", "");
    assertThat(rotated.lines())
        .hasSize(2)
        .contains(oldNumber)
        .anyMatch(l -> l.endsWith(" primary") && !l.startsWith(oldNumber));
    assertThat(afterRotation.open(sealed, "row")).isEqualTo("v");
    assertThat(afterRotation.underPrimaryKey(sealed)).isFalse();

    String retired = run("retire", file);
    assertThat(retired.lines()).hasSize(1).allMatch(l -> l.endsWith(" primary"));
    assertThat(retired).doesNotContain(oldNumber);
    assertThat(created + rotated + retired).doesNotContain("value");
  }

  @Test
  void newRefusesToOverwriteAKeyset() throws Exception {
    Path file = dir.resolve("keys.json");
    run("new", file);
    String before = Files.readString(file);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        DataKeysCommand.run(
            new String[] {"new", file.toString()},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));

    assertThat(status).isEqualTo(2);
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  private static String run(String command, Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        DataKeysCommand.run(
            new String[] {command, file.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()));
    assertThat(status).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
