// After checkout: looks the session up (through the payment port, so it never waits for the
// webhook) until access is granted, and offers a retry when that takes longer than 10 seconds.
import { get } from "./api.js";
import { announce, byId, el, showError, signedIn, tierName } from "./page.js";

const PATIENCE_MS = 10_000;
// Before the outcome is applied the API asks Stripe at most once a second per session.
const EVERY_MS = 1_000;
// Answers that say "not yet": not known yet, asked too soon, Stripe briefly unavailable, offline.
const NOT_YET = [0, 404, 429, 503];

function granted(view) {
  const subscription = view.subscription;
  return view.status === "complete" && subscription && ["active", "trialing"].includes(subscription.status) && subscription.tierId !== "FREE";
}

async function activate(sessionId) {
  announce("Activating your plan…");
  byId("result").replaceChildren(el("p", { class: "activating" }, "Activating…"));
  const until = Date.now() + PATIENCE_MS;
  let lastError = null;
  while (Date.now() < until) {
    let wait = EVERY_MS;
    try {
      const view = await get("billing/checkout-session/" + encodeURIComponent(sessionId));
      if (granted(view)) {
        const tier = view.subscription.tierId;
        byId("result").replaceChildren(
          el("p", { class: "done" }, "You are on ", el("strong", { id: "activated-tier", "data-tier": tier }, tierName(tier)), "."),
          el("p", {}, el("a", { class: "button primary", href: "panel.html" }, "Go to your billing panel")),
        );
        announce(`Payment received. You are on ${tierName(tier)}.`);
        return;
      }
      if (view.status === "expired") {
        lastError = new Error("This checkout expired without payment. Nothing was charged.");
        break;
      }
    } catch (e) {
      if (!NOT_YET.includes(e.status)) {
        lastError = e;
        break;
      }
      wait = Math.max(EVERY_MS, (e.retryAfterSeconds || 0) * 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  byId("result").replaceChildren();
  showError(
    lastError || new Error("Activation is taking longer than usual. Your payment is safe; check again in a moment."),
    el("button", { type: "button", id: "retry", onclick: () => activate(sessionId) }, "Check again"),
  );
}

async function start() {
  const me = await signedIn();
  if (!me) {
    return;
  }
  const sessionId = new URLSearchParams(window.location.search).get("session_id");
  if (!sessionId) {
    showError(new Error("This page is opened after a checkout; it has no checkout session to look up."), el("a", { href: "plans.html" }, "See the plans"));
    return;
  }
  await activate(sessionId);
}

start();
