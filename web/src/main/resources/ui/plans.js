// The four plans side by side, a monthly/yearly switch, and checkout (or plan change for a
// customer who already pays).
import { get, post } from "./api.js";
import {
  RESOURCES,
  askForCustomer,
  byId,
  clearMessages,
  el,
  hasLiveSubscription,
  money,
  showError,
  signedIn,
  tierName,
  customerOf,
  words,
} from "./page.js";
import { isUpgrade, offerPlanChange } from "./planchange.js";

let plans = [];
let status = null;
let customerId;

function period() {
  return document.querySelector('input[name="period"]:checked').value;
}

function limitLine(resource, value) {
  const about = RESOURCES[resource] || { name: words(resource), unit: "" };
  return el("li", {}, `${about.name}: ${value.toLocaleString("en-US")}${about.unit ? " " + about.unit : ""}`);
}

function action(plan) {
  if (!status || plan.id === "FREE") {
    return null;
  }
  const chosen = period();
  if (status.tierId === plan.id && status.billingPeriod === chosen && hasLiveSubscription(status)) {
    return null;
  }
  if (!status.billingV2) {
    return null;
  }
  if (hasLiveSubscription(status)) {
    const verb = plan.id === status.tierId ? "Switch to" : isUpgrade(status.tierId, plan.id) ? "Upgrade to" : "Downgrade to";
    return el(
      "button",
      { type: "button", id: "choose-" + plan.id, onclick: () => offerPlanChange(byId("confirm"), status, plan.id, chosen, reload) },
      `${verb} ${plan.name} ${chosen}`,
    );
  }
  return el("button", { type: "button", class: "primary", id: "choose-" + plan.id, onclick: () => checkout(plan, chosen) }, `Choose ${plan.name} ${chosen}`);
}

async function checkout(plan, chosen) {
  const here = window.location.href;
  try {
    const session = await post("billing/create-checkout-session", {
      customerId,
      tierId: plan.id,
      billingPeriod: chosen,
      successUrl: new URL("success.html", here).href,
      cancelUrl: new URL("cancelled.html", here).href,
    });
    window.location.assign(session.url);
  } catch (e) {
    showError(e);
  }
}

function render() {
  const chosen = period();
  const cards = plans.map((plan) => {
    const current = status && status.tierId === plan.id;
    const price = plan.prices[chosen];
    return el(
      "article",
      { class: "plan" + (current ? " current" : ""), id: "plan-" + plan.id, "aria-labelledby": "plan-title-" + plan.id },
      el("h2", { id: "plan-title-" + plan.id }, plan.name),
      current ? el("p", { class: "badge" }, "Your plan") : null,
      el("p", { class: "price" }, el("strong", {}, money(price)), chosen === "monthly" ? " per month" : " per year"),
      chosen === "yearly" && plan.yearlySavingPercent > 0
        ? el("p", { class: "saving" }, `Save ${plan.yearlySavingPercent} % against monthly`)
        : null,
      el("h3", {}, "Limits"),
      el("ul", {}, Object.entries(plan.limits).map(([resource, value]) => limitLine(resource, value))),
      el("h3", {}, "Features"),
      el("ul", {}, plan.features.map((feature) => el("li", {}, words(feature)))),
      action(plan),
    );
  });
  byId("plans").replaceChildren(...cards);
  byId("legacy").hidden = !status || status.billingV2;
}

async function reload() {
  status = await get("billing/subscription/status/" + encodeURIComponent(customerId));
  render();
}

async function start() {
  const me = await signedIn();
  if (!me) {
    return;
  }
  customerId = customerOf(me);
  if (!customerId) {
    askForCustomer(byId("pick"));
    return;
  }
  try {
    const [list, current] = await Promise.all([
      get("billing/plans"),
      get("billing/subscription/status/" + encodeURIComponent(customerId)),
    ]);
    plans = list.plans;
    status = current;
    if (status.billingPeriod) {
      document.querySelector(`input[name="period"][value="${status.billingPeriod}"]`).checked = true;
    }
    for (const input of document.querySelectorAll('input[name="period"]')) {
      input.addEventListener("change", render);
    }
    render();
    clearMessages();
  } catch (e) {
    showError(e, el("button", { type: "button", onclick: () => window.location.reload() }, "Try again"));
  }
}

start();
