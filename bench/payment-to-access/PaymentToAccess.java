import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From "Pay" on the sandbox's checkout page to the customer's first allowed check-feature-access: a
 * new customer each run creates a PRO checkout session, pays it on the sandbox's page (the sandbox
 * then sends its signed webhooks to the server), and asks for autoscale every 2 ms. The clock
 * starts when the pay form is sent. The first 10 runs warm the server up and are not counted.
 *
 * <p>java bench/payment-to-access/PaymentToAccess.java URL RUNS (a server on the embedded default,
 * the README's run command)
 */
public class PaymentToAccess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int WARMUP = 10;
  private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int runs = Integer.parseInt(args[1]);
    String run = Long.toString(System.nanoTime(), 36);
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < WARMUP + runs; i++) {
      String customer = "bench_pay_" + run + "_" + i;
      String token =
          send(base + "/dev/token?role=customer&customerId=" + customer, "GET", null, null, null)
              .body()
              .trim();
      String session =
          send(
                  base + "/billing/create-checkout-session",
                  "POST",
                  "application/json",
                  "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\",\"successUrl\":\""
                      + base
                      + "/billing/success\",\"cancelUrl\":\""
                      + base
                      + "/billing/cancel\",\"customerId\":\""
                      + customer
                      + "\"}",
                  token)
              .body();
      Matcher page = URL.matcher(session);
      if (!page.find()) {
        throw new IllegalStateException("no checkout page in " + session);
      }
      String pay = base + URI.create(page.group(1)).getPath() + "/pay";
      long start = System.nanoTime();
      HttpResponse<String> paid =
          send(pay, "POST", "application/x-www-form-urlencoded", "card=4242+4242+4242+4242", null);
      if (paid.statusCode() != 303) {
        throw new IllegalStateException("pay: " + paid.statusCode() + " " + paid.body());
      }
      long deadline = start + 10_000_000_000L;
      while (!send(
              base + "/billing/check-feature-access",
              "POST",
              "application/json",
              "{\"customerId\":\"" + customer + "\",\"feature\":\"autoscale\"}",
              token)
          .body()
          .contains("\"allowed\":true")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(customer + ": no access 10 s after paying");
        }
        Thread.sleep(2);
      }
      if (i >= WARMUP) {
        took.add(System.nanoTime() - start);
      }
    }
    Collections.sort(took);
    System.out.printf(
        "pay -> access  runs %d  p50 %.0f ms  p90 %.0f ms  p99 %.0f ms  max %.0f ms%n",
        took.size(), at(took, 0.5), at(took, 0.9), at(took, 0.99), took.get(took.size() - 1) / 1e6);
  }

  private static double at(List<Long> sorted, double q) {
    return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }

  private static HttpResponse<String> send(
      String url, String method, String type, String body, String token) throws Exception {
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
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(
          method + " " + url + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }
}
