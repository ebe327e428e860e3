package com.acme.billing.encryption;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Makes and rotates data keysets without a server (README, "Data keys"):
 *
 * <ul>
 *   <li>{@code new FILE}: writes a keyset of one AES-256-GCM key;
 *   <li>{@code rotate FILE}: adds a new AES-256-GCM key as the primary, keeping the others so that
 *       what they sealed stays readable;
 *   <li>{@code retire FILE}: removes every key but the primary (after the re-encryption);
 *   <li>{@code ids FILE}: prints the key ids, the primary marked; no key material.
 * </ul>
 *
 * The file is written with owner-only permissions; nothing secret is printed.
 */
public final class DataKeysCommand {

  private DataKeysCommand() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length != 2) {
      err.println("usage: DataKeysCommand new|rotate|retire|ids FILE");
      return 2;
    }
    Path file = Path.of(args[1]);
    try {
      switch (args[0]) {
        case "new" -> {
          if (Files.exists(file)) {
            err.println(file + " exists; rotate it instead");
            return 2;
          }
          write(file, KeysetLoader.parse(KeysetLoader.newKeysetJson(), "new keyset"));
        }
        case "rotate" -> write(file, rotate(read(file)));
        case "retire" -> write(file, retire(read(file)));
        case "ids" -> {
          // nothing to write
        }
        default -> {
          err.println("unknown command " + args[0] + "; use new, rotate, retire or ids");
          return 2;
        }
      }
      describe(read(file), out);
      return 0;
    } catch (DataKeysException | GeneralSecurityException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** The keyset with a new AES-256-GCM key as its primary; the other keys stay. */
  static KeysetHandle rotate(KeysetHandle handle) throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
    builder.addEntry(
        KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId());
    builder.getAt(builder.size() - 1).makePrimary();
    return builder.build();
  }

  /** The keyset with its primary key only. */
  static KeysetHandle retire(KeysetHandle handle) throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
    for (int i = builder.size() - 1; i >= 0; i--) {
      if (!builder.getAt(i).isPrimary()) {
        builder.deleteAt(i);
      }
    }
    return builder.build();
  }

  private static KeysetHandle read(Path file) throws IOException {
    return KeysetLoader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private static void write(Path file, KeysetHandle handle)
      throws IOException, GeneralSecurityException {
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    Path written = Files.createTempFile(file.toAbsolutePath().getParent(), "keyset", ".new");
    Files.writeString(written, json, StandardCharsets.UTF_8);
    Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void describe(KeysetHandle handle, PrintStream out) {
    for (int i = 0; i < handle.size(); i++) {
      KeysetHandle.Entry entry = handle.getAt(i);
      out.println(
          Integer.toUnsignedString(entry.getId())
              + (entry.isPrimary() ? " primary" : "")
              + (entry.getStatus() == KeyStatus.ENABLED ? "" : " " + entry.getStatus()));
    }
  }
}
