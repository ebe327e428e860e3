import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What sealing one webhook payload costs in process: Tink's AES-256-GCM over the benchmark's 4 KiB
 * event, as the webhook store seals it, against the same loop that only copies the bytes. Warms up
 * for 10 s, then measures 5 rounds of 5 s each.
 *
 * <p>bench/webhook-ingest/seal-cost.sh
 */
public class SealCost {

  public static void main(String[] args) throws Exception {
    AeadConfig.register();
    Aead aead =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    byte[] payload =
        Files.readString(Path.of("bench/webhook-ingest/subscription-updated.json"))
            .getBytes(StandardCharsets.UTF_8);
    byte[] context = "webhook_event.payload/evt_bench".getBytes(StandardCharsets.UTF_8);
    long sink = 0;
    long warmUntil = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      sink += aead.encrypt(payload, context).length;
      sink += payload.clone().length;
    }
    for (int round = 0; round < 5; round++) {
      double seal = perOp(() -> aead.encrypt(payload, context).length);
      double copy = perOp(() -> payload.clone().length);
      System.out.printf(
          "payload %d bytes: seal %.2f us/op, copy (baseline) %.3f us/op%n",
          payload.length, seal / 1000, copy / 1000);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  interface Op {
    int run() throws Exception;
  }

  private static double perOp(Op op) throws Exception {
    long ops = 0;
    long sink = 0;
    long start = System.nanoTime();
    long until = start + 5_000_000_000L;
    while (System.nanoTime() < until) {
      for (int i = 0; i < 100; i++) {
        sink += op.run();
      }
      ops += 100;
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      System.out.println();
    }
    return elapsed / (double) ops;
  }
}
