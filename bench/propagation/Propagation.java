import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How long a change made through one instance takes to be seen through another: a flag change
 * (billing_v2 on and off in turn) and a subscription change (an admin correction granting PRO, then
 * FREE again). The clock starts when instance A has answered the change (it is committed) and stops
 * at the first answer of instance B that shows it; B is asked every millisecond. The first 20
 * changes of each kind warm the servers up and are not counted.
 *
 * <p>java bench/propagation/Propagation.java URL_A URL_B RUNS
 */
public class Propagation {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Changes made first and not measured: the servers' code paths are compiled by then. */
  private static final int WARMUP = 20;

  public static void main(String[] args) throws Exception {
    String a = args[0];
    String b = args[1];
    int runs = Integer.parseInt(args[2]);
    String admin = get(a + "/dev/token?role=admin&minutes=120", null).trim();
    String service = get(b + "/dev/token?role=service&minutes=120", null).trim();
    String subject = "bench_prop_" + Long.toString(System.nanoTime(), 36);

    List<Long> flags = new ArrayList<>();
    for (int i = 0; i < WARMUP + runs; i++) {
      boolean on = i % 2 == 0;
      send(
          a + "/flags/billing_v2",
          "PATCH",
          "application/merge-patch+json",
          "{\"enabled\":" + on + ",\"rolloutPercentage\":100}",
          admin);
      long start = System.nanoTime();
      String wanted = on ? "\"reason\":\"SPLIT\"" : "\"reason\":\"DISABLED\"";
      await(
          () -> get(b + "/flags/billing_v2/evaluate?subject=" + subject, service).contains(wanted));
      if (i >= WARMUP) {
        flags.add(System.nanoTime() - start);
      }
    }
    // Leave the flag as the development profile seeds it.
    send(
        a + "/flags/billing_v2",
        "PATCH",
        "application/merge-patch+json",
        "{\"enabled\":true,\"rolloutPercentage\":100}",
        admin);

    List<Long> subscriptions = new ArrayList<>();
    String customer = subject + "_c";
    for (int i = 0; i < WARMUP + runs; i++) {
      boolean pro = i % 2 == 0;
      send(
          a + "/billing/admin/customers/" + customer + "/subscription",
          "PUT",
          "application/json",
          "{\"tierId\":\""
              + (pro ? "PRO" : "FREE")
              + "\",\"status\":\"active\",\"billingPeriod\":\"monthly\"}",
          admin);
      long start = System.nanoTime();
      String wanted = pro ? "\"allowed\":true" : "\"allowed\":false";
      await(
          () ->
              send(
                      b + "/billing/check-feature-access",
                      "POST",
                      "application/json",
                      "{\"customerId\":\"" + customer + "\",\"feature\":\"autoscale\"}",
                      service)
                  .contains(wanted));
      if (i >= WARMUP) {
        subscriptions.add(System.nanoTime() - start);
      }
    }
    report("flag change", flags);
    report("subscription change", subscriptions);
  }

  private static void await(BooleanSupplier seen) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!seen.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not seen within 10 s");
      }
      Thread.sleep(1);
    }
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf(
        "%-20s runs %d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
        what,
        sorted.size(),
        at(sorted, 0.50),
        at(sorted, 0.90),
        at(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double at(List<Long> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  private static String get(String url, String token) {
    return send(url, "GET", null, null, token);
  }

  private static String send(String url, String method, String type, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException(
            method + " " + url + ": " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
