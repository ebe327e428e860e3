import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook ingest load: distinct, correctly signed customer.subscription.updated events (each the
 * subscription of a customer of its own: events that gave 1,000 customers ever more live
 * subscriptions made every one a duplicate, each alerted, and checked against all the customer's
 * others) posted by N threads for a warm-up and then a measured time. Prints events/s, answers by
 * status, and latency percentiles of the measured part.
 *
 * <p>java bench/webhook-ingest/WebhookIngest.java URL SECRET WARMUP_S MEASURE_S THREADS [RUN]
 */
public class WebhookIngest {

  public static void main(String[] args) throws Exception {
    String url = args[0] + "/billing/webhook";
    String secret = args[1];
    int warmup = Integer.parseInt(args[2]);
    int measure = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    String run = args.length > 5 ? args[5] : Long.toString(System.currentTimeMillis(), 36);
    // Run from the repository's root, as the README's command does.
    String template =
        Files.readString(
                Path.of("bench/webhook-ingest/subscription-updated.json"), StandardCharsets.UTF_8)
            .strip();
    HttpClient client =
        HttpClient.newBuilder()
            // One connection per thread, as Stripe delivers: over HTTP/2 (the client's default,
            // which Liberty accepts) all threads share one connection and its writes queue up.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(threads))
            .build();
    AtomicLong next = new AtomicLong();
    ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(measure);
    AtomicLong measured = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.submit(
          () -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            while (true) {
              long n = next.incrementAndGet();
              long now = System.currentTimeMillis() / 1000;
              String payload =
                  template
                      .replace("@EVENT@", "evt_bench_" + run + "_" + n)
                      .replace("@SUB@", "sub_bench_" + run + "_" + n)
                      .replace("@CUS@", "cus_bench_" + run + "_" + n)
                      .replace("@CUSTOMER_ID@", "bench_" + run + "_" + n)
                      .replace("@PRICE@", "price_pro_monthly")
                      .replace("@START@", Long.toString(now - 3600))
                      .replace("@END@", Long.toString(now + 30L * 24 * 3600))
                      .replace("@CREATED@", Long.toString(now));
              String signed = now + "." + payload;
              String signature =
                  HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Content-Type", "application/json")
                      .header("Stripe-Signature", "t=" + now + ",v1=" + signature)
                      .POST(HttpRequest.BodyPublishers.ofString(payload))
                      .build();
              long sent = System.nanoTime();
              if (sent >= end) {
                return null;
              }
              int status;
              try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
              } catch (Exception e) {
                status = -1;
              }
              long done = System.nanoTime();
              if (sent >= measureFrom && done <= end) {
                measured.incrementAndGet();
                latencies.add(done - sent);
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(warmup + measure + 60L, TimeUnit.SECONDS);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double rate = measured.get() / (double) measure;
    System.out.printf(
        "events/s %.0f  sent %d  statuses %s  p50 %.1f ms  p99 %.1f ms%n",
        rate, measured.get(), statuses, percentile(sorted, 0.50), percentile(sorted, 0.99));
    System.exit(0);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}
