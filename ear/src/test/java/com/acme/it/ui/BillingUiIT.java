package com.acme.it.ui;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Browser;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.ItConfig;
import com.acme.it.support.PeerServer;
import com.acme.it.support.TestSecrets;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The billing UI and the flag console in headless Chromium, against a server on the embedded
 * default (H2, the Stripe sandbox's hosted pages and signed webhooks), as a person uses them:
 * through the pages only, except where a test needs something a person cannot do (usage recorded by
 * a service, a flag changed behind the console's back).
 */
class BillingUiIT {

  private static final Duration SOON = Duration.ofSeconds(10);
  private static final Path SCREENSHOTS = Path.of(ItConfig.get("it.screenshots.dir"));
  private static PeerServer server;
  private static Http http;
  private static Browser browser;

  @BeforeAll
  static void startTheEmbeddedDefaultAndABrowser() throws Exception {
    String base = "http://localhost:" + ItConfig.get("it.ui.http.port");
    server =
        PeerServer.ui()
            .startReady(
                Map.of(
                    "HTTP_PORT", ItConfig.get("it.ui.http.port"),
                    "HTTPS_PORT", ItConfig.get("it.ui.https.port"),
                    // The pages send the customer back to this server after checkout and portal.
                    "BILLING_REDIRECT_ALLOWED_ORIGINS", base));
    http = server.http();
    browser = new Browser(base);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @BeforeEach
  void billingV2AsSeeded() {
    new FlagsApi(http).set(FlagsApi.BILLING_V2, true, 100);
  }

  @AfterEach
  void noScriptErrorsAndBillingV2Restored() {
    new FlagsApi(http).set(FlagsApi.BILLING_V2, true, 100);
    assertThat(browser.takeScriptErrors()).as("script errors of the pages").isEmpty();
  }

  @Test
  void aNewCustomerChoosesProYearlyPaysInTheSandboxAndSeesProWithinFiveSeconds() {
    String customer = BillingApi.newCustomer("ui_pro");
    browser.signIn(customer, "customer");
    assertThat(browser.path()).isEqualTo("/panel.html");
    browser.waitForAttribute("current-tier", "data-tier", "FREE", SOON);

    browser.find("choose-plan").click();
    browser.find("plan-PRO");
    browser.find("period-yearly").click();
    assertThat(browser.find("plan-PRO").getText())
        .contains("$600 per year")
        .contains("Save 17 % against monthly");
    assertThat(browser.find("plan-FREE").getText()).contains("Your plan");
    browser.find("choose-PRO").click();

    browser.waitUntil(d -> browser.path().startsWith("/sandbox/checkout/"), SOON);
    assertThat(browser.driver().getPageSource()).contains("Pro plan, billed yearly");
    browser.driver().findElement(By.cssSelector("form[action$='/pay'] button")).click();

    browser.waitUntil(d -> browser.path().equals("/success.html"), SOON);
    assertThat(browser.driver().getCurrentUrl()).contains("session_id=cs_");
    browser.waitForAttribute("activated-tier", "data-tier", "PRO", Duration.ofSeconds(5));
    assertThat(browser.text("status")).contains("You are on Pro");

    browser.open("/panel.html");
    browser.waitForAttribute("current-tier", "data-tier", "PRO", SOON);
    assertThat(browser.text("plan")).contains("billed yearly").contains("Renews on");

    // The payment's invoice, from the sandbox's signed invoice.paid, with its page and PDF.
    WebElement invoice =
        browser.waitUntil(d -> d.findElement(By.cssSelector("#invoices tbody tr")), SOON);
    assertThat(invoice.getAttribute("data-status")).isEqualTo("paid");
    assertThat(invoice.getText()).contains("SANDBOX-").contains("$600").contains("paid");
    String pdf = invoice.findElement(By.className("invoice-pdf")).getAttribute("href");
    invoice.findElement(By.className("invoice-link")).click();
    browser.waitUntil(d -> browser.path().startsWith("/sandbox/invoices/"), SOON);
    assertThat(browser.driver().getPageSource()).contains("600.00 USD").contains("paid");
    var download = http.get(java.net.URI.create(pdf).getPath(), null);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.body()).startsWith("%PDF-1.4").contains("600.00 USD").endsWith("%%EOF\n");
  }

  @Test
  void theUsageBarsMoveWhenUsageIsRecordedAndShowTheWarningAndCriticalLevels() {
    String customer = BillingApi.newCustomer("ui_usage");
    BillingApi billing = new BillingApi(http);
    browser.signIn(customer, "customer");
    browser.waitForAttribute("usage-build_hours", "data-level", "ok", SOON);
    assertThat(browser.text("usage-build_hours")).contains("0 h of 5 h");

    assertThat(billing.consume(customer, "build_hours", 4).statusCode()).isEqualTo(200);
    assertThat(billing.consume(customer, "ai_embeddings", 950).statusCode()).isEqualTo(200);
    browser.find("refresh").click();

    WebElement hours = browser.waitForAttribute("usage-build_hours", "data-level", "warning", SOON);
    assertThat(hours.getText())
        .contains("4 h of 5 h (80 %)")
        .contains("Warning: 80 % or more used");
    WebElement embeddings =
        browser.waitForAttribute("usage-ai_embeddings", "data-level", "critical", SOON);
    assertThat(embeddings.getText())
        .contains("950 of 1,000 (95 %)")
        .contains("Critical: 95 % or more used");
    WebElement meter = hours.findElement(By.cssSelector("[role=meter]"));
    assertThat(meter.getAttribute("aria-valuenow")).isEqualTo("4");
    assertThat(meter.getAttribute("aria-valuetext")).contains("Warning");
    assertThat(browser.attribute("usage-projects", "data-level")).isEqualTo("ok");

    // Today's bar of the 30-day chart holds what was recorded.
    WebElement chart = browser.waitForAttribute("chart-build_hours", "data-total", "4", SOON);
    assertThat(chart.getAttribute("data-days")).isEqualTo("30");
    assertThat(chart.findElement(By.tagName("svg")).getAttribute("aria-label"))
        .contains("4 h in all");
    assertThat(browser.attribute("chart-ai_embeddings", "data-total")).isEqualTo("950");
    assertThat(browser.text("invoice-list")).contains("No invoices yet.");
  }

  @Test
  void thePortalCancelsAtPeriodEndThePanelShowsItAndResumeWorksFromTheKeyboard() {
    String customer = BillingApi.newCustomer("ui_portal");
    subscribeThroughThePages(customer, "STARTER");

    browser.find("manage-billing").click();
    browser.waitUntil(d -> browser.path().startsWith("/sandbox/portal/"), SOON);
    browser
        .driver()
        .findElement(By.xpath("//button[normalize-space()='Cancel at period end']"))
        .click();
    browser.waitUntil(d -> d.getPageSource().contains("(cancels at the end of the period)"), SOON);
    browser.driver().findElement(By.linkText("Return")).click();

    browser.waitUntil(d -> browser.path().equals("/panel.html"), SOON);
    browser.waitUntil(
        d -> {
          if (!"true"
              .equals(browser.attribute("subscription-state", "data-cancel-at-period-end"))) {
            browser.find("refresh").click();
            return false;
          }
          return true;
        },
        SOON);
    assertThat(browser.text("subscription-state")).startsWith("Cancelled: ends on");

    browser.pressWithKeyboard("resume", 60);
    browser.waitForAttribute("subscription-state", "data-cancel-at-period-end", "false", SOON);
    assertThat(browser.text("subscription-state")).startsWith("Renews on");
    assertThat(browser.text("status")).contains("resumed");
    assertThat(browser.exists("cancel")).isTrue();
  }

  @Test
  void aDeclinedCardShowsTheDeclineAndLeavesThePlanUnchanged() {
    String customer = BillingApi.newCustomer("ui_decline");
    browser.signIn(customer, "customer");
    browser.open("/plans.html");
    browser.find("choose-STARTER").click();
    browser.waitUntil(d -> browser.path().startsWith("/sandbox/checkout/"), SOON);
    WebElement card = browser.driver().findElement(By.name("card"));
    card.clear();
    card.sendKeys("4000 0000 0000 0002");
    browser.driver().findElement(By.cssSelector("form[action$='/pay'] button")).click();

    WebElement alert = browser.waitUntil(d -> d.findElement(By.cssSelector("[role=alert]")), SOON);
    assertThat(alert.getText()).containsIgnoringCase("declined");
    assertThat(browser.path()).startsWith("/sandbox/checkout/");

    browser.open("/panel.html");
    browser.waitForAttribute("current-tier", "data-tier", "FREE", SOON);
    assertThat(browser.attribute("subscription-state", "data-status")).isEqualTo("none");
    assertThat(new BillingApi(http).feature(customer, "core_agents").getBoolean("allowed"))
        .isFalse();
  }

  @Test
  void theFlagConsoleSwitchesACustomerToLegacyAndBackAndRefusesAStaleEdit() {
    String customer = BillingApi.newCustomer("ui_flag");
    String subscriber = BillingApi.newCustomer("ui_flag_paid");
    subscribeThroughThePages(subscriber, "STARTER");
    browser.signIn("ops", "admin");
    assertThat(browser.path()).isEqualTo("/flags.html");
    setRolloutInTheConsole(0);
    browser.find("preview-customer").sendKeys(customer);
    browser.find("preview").submit();
    browser.waitForAttribute("preview-result", "data-enabled", "false", SOON);
    assertThat(browser.text("preview-answer")).contains("gets the new billing: no");

    browser.signIn(customer, "customer");
    browser.waitForAttribute("current-tier", "data-tier", "FREE", SOON);
    assertThat(browser.visible("legacy")).isTrue();
    assertThat(browser.text("legacy")).contains("handled the legacy way");
    assertThat(browser.visible("change")).isFalse();
    assertThat(browser.exists("choose-plan")).isFalse();
    browser.open("/plans.html");
    browser.find("plan-PRO");
    assertThat(browser.visible("legacy")).isTrue();
    assertThat(browser.driver().findElements(By.cssSelector("[id^=choose-]"))).isEmpty();

    // A customer who already subscribed keeps cancel, resume and the portal on the legacy path.
    browser.signIn(subscriber, "customer");
    browser.waitForAttribute("current-tier", "data-tier", "STARTER", SOON);
    assertThat(browser.visible("legacy")).isTrue();
    assertThat(browser.visible("change")).isFalse();
    assertThat(browser.visible("cancel")).isTrue();
    assertThat(browser.visible("manage-billing")).isTrue();

    browser.signIn("ops", "admin");
    setRolloutInTheConsole(100);
    browser.find("show-history-billing_v2").click();
    WebElement newest =
        browser.waitUntil(d -> d.findElement(By.cssSelector("#history-billing_v2 tbody tr")), SOON);
    assertThat(newest.findElements(By.tagName("td")))
        .extracting(WebElement::getText)
        .contains("ops", "development", "on, 0 %", "on, 100 %");

    browser.signIn(customer, "customer");
    browser.open("/plans.html");
    assertThat(browser.find("choose-PRO").getText()).isEqualTo("Choose Pro monthly");
    assertThat(browser.visible("legacy")).isFalse();

    // A stale edit: someone changes the flag while the console shows an older version.
    browser.signIn("ops", "admin");
    browser.find("rollout-billing_v2-development");
    assertThat(
            new FlagsApi(http)
                .patch(
                    FlagsApi.BILLING_V2,
                    "{\"rolloutPercentage\":90}",
                    null,
                    Tokens.admin("admin-bob"))
                .statusCode())
        .isEqualTo(200);
    WebElement rollout = browser.find("rollout-billing_v2-development");
    rollout.clear();
    rollout.sendKeys("50");
    browser.find("save-billing_v2-development").click();
    WebElement conflict = browser.waitUntil(d -> d.findElement(By.id("reload")), SOON);
    assertThat(browser.text("error")).contains("Someone else changed billing_v2");
    assertThat(flagRollout()).as("nothing overwritten").isEqualTo(90);
    conflict.click();
    browser.waitUntil(
        d -> "90".equals(browser.attribute("rollout-billing_v2-development", "value")), SOON);
  }

  @Test
  void aPayingCustomerIsOfferedPlanChangeNotASecondCheckoutAndADowngradeWaitsForThePeriodEnd() {
    String customer = BillingApi.newCustomer("ui_change");
    subscribeThroughThePages(customer, "PRO");
    browser.open("/plans.html");
    assertThat(browser.find("choose-SCALE").getText()).isEqualTo("Upgrade to Scale monthly");
    assertThat(browser.find("choose-STARTER").getText()).isEqualTo("Downgrade to Starter monthly");
    assertThat(browser.exists("choose-PRO")).as("no checkout of the plan it has").isFalse();
    assertThat(browser.find("plan-PRO").getText()).contains("Your plan");

    browser.find("choose-STARTER").click();
    assertThat(browser.text("confirm"))
        .contains("takes effect at the end of the current period")
        .contains("nothing is deleted");
    browser.find("confirm-STARTER-monthly").click();
    browser.waitUntil(d -> browser.text("status").contains("is scheduled for"), SOON);
    assertThat(browser.text("status")).contains("Nothing is deleted");

    browser.open("/panel.html");
    browser.waitForAttribute("current-tier", "data-tier", "PRO", SOON);
    assertThat(new BillingApi(http).feature(customer, "autoscale").getBoolean("allowed")).isTrue();
  }

  @Test
  void topUpsTurnedOnInThePanelBuyAPackAtTheLimitAndItIsInvoiced() {
    String customer = BillingApi.newCustomer("ui_topup");
    BillingApi billing = new BillingApi(http);
    browser.signIn(customer, "customer");
    browser.waitUntil(d -> browser.exists("topups-not-offered"), SOON);
    subscribeThroughThePages(customer, "STARTER");

    browser.find("topup-enabled-build_hours").click();
    WebElement cap = browser.find("topup-cap-build_hours");
    cap.clear();
    cap.sendKeys("20");
    browser.find("topup-save-build_hours").click();
    browser.waitUntil(d -> browser.text("status").startsWith("Saved: top-ups"), SOON);
    assertThat(browser.text("status")).contains("on, up to $20.00 a month");

    assertThat(billing.consume(customer, "build_hours", 40).statusCode()).isEqualTo(200);
    var over = billing.consume(customer, "build_hours", 10);
    assertThat(over.statusCode()).as(over.body()).isEqualTo(200);
    assertThat(Http.json(over).getJsonObject("topUp").getJsonNumber("quantity").longValue())
        .isEqualTo(50);

    browser.find("refresh").click();
    browser.waitForAttribute("topup-build_hours", "data-packs", "1", SOON);
    assertThat(browser.text("usage-build_hours")).contains("50 h of 90 h (40 + 50 top-up)");
    assertThat(browser.text("topup-spent-build_hours")).contains("$10 spent, 1 pack");
    // The sandbox charged the pack on an invoice of its own and sent its signed invoice.paid.
    // Looked at before each refresh, never right after one: a refresh re-renders the table.
    browser.waitUntil(
        d -> {
          if (d.findElements(By.cssSelector("#invoices tbody tr")).size() == 2
              && browser.text("invoices").contains("$10")) {
            return true;
          }
          browser.find("refresh").click();
          return false;
        },
        SOON);
    assertThat(browser.driver().findElements(By.cssSelector("#invoices tbody tr"))).hasSize(2);
  }

  @Test
  void aPastDueSubscriptionShowsTheBannerWhoseButtonOpensThePortal() {
    String customer = BillingApi.newCustomer("ui_pastdue");
    subscribeThroughThePages(customer, "STARTER");
    new BillingApi(http).subscribe(customer, "STARTER", "past_due");

    browser.open("/panel.html");
    browser.waitUntil(d -> browser.visible("past-due"), SOON);
    assertThat(browser.text("past-due")).contains("Your last payment failed");
    browser
        .driver()
        .findElement(By.xpath("//button[normalize-space()='Update payment method']"))
        .click();
    browser.waitUntil(d -> browser.path().startsWith("/sandbox/portal/"), SOON);
    assertThat(browser.driver().getPageSource()).contains("Update card");
  }

  @Test
  void theEmbeddedDefaultSealsWithADevelopmentKeyItNamedInTheLogAndPaysThroughTheSandbox()
      throws Exception {
    Path key =
        ItConfig.wlpDir()
            .resolve("usr/servers")
            .resolve(ItConfig.get("it.ui.server.name"))
            .resolve("data/billing-data-keys.json");

    assertThat(key).exists();
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String keyBytes = TestSecrets.keyMaterial(Files.readString(key));
    assertThat(server.messages())
        .containsAnyOf(
            "made a development key at " + key, "encrypted with the development key at " + key)
        .doesNotContain(keyBytes);
    // And takes money through the sandbox, which readiness says is complete.
    JsonObject payments = Http.healthCheck(Http.json(http.get("/health/ready", null)), "payments");
    assertThat(payments.getString("status")).isEqualTo("UP");
    assertThat(payments.getJsonObject("data").getString("mode")).isEqualTo("sandbox");
  }

  @Test
  void theSuccessPageOffersARetryWhenActivationTakesLongerThanTenSeconds() {
    browser.signIn(BillingApi.newCustomer("ui_slow"), "customer");
    // A session the payment port does not know: activation never comes.
    browser.open("/success.html?session_id=cs_test_unknown_session");
    // The page's script writes the state once it has run: wait for it, never read it at once.
    browser.waitUntil(d -> browser.text("result").contains("Activating"), SOON);
    WebElement retry =
        browser.waitUntil(d -> d.findElement(By.id("retry")), Duration.ofSeconds(15));
    assertThat(browser.text("error")).contains("taking longer than usual");
    retry.click();
    browser.waitUntil(d -> browser.text("result").contains("Activating"), SOON);
    assertThat(browser.text("error")).doesNotContain("taking longer than usual");
  }

  @Test
  void aTokenHandedOverInTheAddressFragmentSignsInAndLeavesTheAddressBar() {
    String customer = BillingApi.newCustomer("ui_handover");
    browser.open("/index.html");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.open("/panel.html#token=" + Tokens.customer(customer));
    browser.waitForAttribute("current-tier", "data-tier", "FREE", SOON);
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("token");
    assertThat(browser.text("who")).contains(customer);
  }

  @Test
  void aCustomerCannotOpenTheFlagConsoleAndTheApiRefusesItsChange() {
    String customer = BillingApi.newCustomer("ui_noflags");
    browser.signIn(customer, "customer");
    browser.open("/flags.html");
    browser.waitUntil(d -> !browser.text("error").isEmpty(), SOON);
    assertThat(browser.text("error")).contains("The flag console is for admins");
    assertThat(browser.visible("console")).isFalse();
    assertProblem(
        new FlagsApi(http)
            .patch(
                FlagsApi.BILLING_V2, "{\"rolloutPercentage\":0}", null, Tokens.customer(customer)),
        403,
        "forbidden");
  }

  @Test
  void everyPageIsAccessibleAndFitsAPhoneAndADesktopScreen() {
    String customer = BillingApi.newCustomer("ui_pages");
    browser.open("/index.html");
    browser.driver().executeScript("sessionStorage.clear()");
    browser.open("/index.html");
    check("sign-in");

    browser.signIn(customer, "customer");
    browser.waitForAttribute("current-tier", "data-tier", "FREE", SOON);
    check("panel-free");
    browser.open("/plans.html");
    browser.find("choose-PRO");
    check("plans");
    browser.open("/cancelled.html");
    check("cancelled");

    subscribeThroughThePages(customer, "PRO");
    new BillingApi(http).consume(customer, "build_hours", 125);
    browser.find("refresh").click();
    browser.waitForAttribute("usage-build_hours", "data-level", "warning", SOON);
    check("panel-pro");
    browser.find("change-to-STARTER").click();
    assertThat(browser.text("change-confirm"))
        .contains("takes effect at the end of the current period")
        .contains("nothing is deleted");
    check("panel-downgrade");
    browser.open("/success.html?session_id=" + lastSessionId);
    browser.waitForAttribute("activated-tier", "data-tier", "PRO", SOON);
    check("success");

    browser.signIn("ops", "admin");
    browser.find("rollout-billing_v2-development");
    browser.find("show-history-billing_v2").click();
    browser.waitUntil(d -> d.findElement(By.cssSelector("#history-billing_v2 table")), SOON);
    check("flags");
  }

  private static String lastSessionId;

  /** Checkout of a monthly plan through the plans page and the sandbox's page, paid. */
  private void subscribeThroughThePages(String customer, String tier) {
    browser.signIn(customer, "customer");
    browser.open("/plans.html");
    browser.find("choose-" + tier).click();
    browser.waitUntil(d -> browser.path().startsWith("/sandbox/checkout/"), SOON);
    browser.driver().findElement(By.cssSelector("form[action$='/pay'] button")).click();
    browser.waitUntil(d -> browser.path().equals("/success.html"), SOON);
    lastSessionId =
        java.net.URI.create(browser.driver().getCurrentUrl()).getQuery().replace("session_id=", "");
    browser.waitForAttribute("activated-tier", "data-tier", tier, SOON);
    browser.open("/panel.html");
    browser.waitForAttribute("current-tier", "data-tier", tier, SOON);
  }

  private void setRolloutInTheConsole(int percentage) {
    WebElement rollout = browser.find("rollout-billing_v2-development");
    rollout.clear();
    rollout.sendKeys(String.valueOf(percentage));
    assertThat(browser.attribute("rollout-range-billing_v2-development", "value"))
        .isEqualTo(String.valueOf(percentage));
    browser.find("save-billing_v2-development").click();
    browser.waitUntil(d -> browser.text("status").startsWith("Saved: billing_v2"), SOON);
    assertThat(browser.text("status")).contains("at " + percentage + " %");
    assertThat(flagRollout()).isEqualTo(percentage);
  }

  private static int flagRollout() {
    return Http.json(new FlagsApi(http).get(FlagsApi.BILLING_V2))
        .getJsonObject("environments")
        .getJsonObject("development")
        .getInt("rolloutPercentage");
  }

  private void check(String name) {
    browser.assertAccessible(name);
    for (int width : List.of(1280, 360)) {
      browser.screenshot(name, width, SCREENSHOTS);
    }
  }
}
