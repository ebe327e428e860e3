// The billing panel: the customer's plan and its state, usage against the limits, plan change,
// cancel and resume, and the Customer Portal.
import { ApiError, get, post } from "./api.js";
import {
  RESOURCES,
  announce,
  askForCustomer,
  byId,
  clearMessages,
  day,
  el,
  hasLiveSubscription,
  levelText,
  showError,
  signedIn,
  tierName,
  customerOf,
} from "./page.js";
import { renderInvoices, renderUsageCharts } from "./history.js";
import { renderOverage } from "./overage.js";
import { isUpgrade, offerPlanChange } from "./planchange.js";

const PAID = ["STARTER", "PRO", "SCALE"];
let customerId;

function stateLine(status) {
  if (status.status === "none") {
    return "No paid subscription: you are on the free plan.";
  }
  if (status.status === "canceled") {
    return "Your subscription was cancelled.";
  }
  if (status.cancelAtPeriodEnd && status.currentPeriodEnd) {
    return `Cancelled: ends on ${day(status.currentPeriodEnd)}. You keep ${tierName(status.tierId)} until then.`;
  }
  if (status.status === "past_due") {
    return "Payment past due.";
  }
  if (status.currentPeriodEnd) {
    return `Renews on ${day(status.currentPeriodEnd)}.`;
  }
  return "Status: " + status.status.replaceAll("_", " ") + ".";
}

function renderPlan(status) {
  const period = status.billingPeriod ? `, billed ${status.billingPeriod}` : "";
  byId("plan").replaceChildren(
    el("p", { class: "plan-name" }, "Current plan: ", el("strong", { id: "current-tier", "data-tier": status.tierId }, tierName(status.tierId)), period),
    el("p", { id: "subscription-state", "data-status": status.status, "data-cancel-at-period-end": String(status.cancelAtPeriodEnd) }, stateLine(status)),
  );
  const banner = byId("past-due");
  if (status.status === "past_due") {
    banner.hidden = false;
    banner.replaceChildren(
      el("h2", {}, "Your last payment failed"),
      el(
        "p",
        {},
        "Update your payment method in the Customer Portal to keep your plan" +
          (status.graceUntil ? `; you keep access until ${day(status.graceUntil)}.` : "."),
      ),
      el("button", { type: "button", class: "primary", onclick: openPortal }, "Update payment method"),
    );
  } else {
    banner.hidden = true;
    banner.replaceChildren();
  }
}

/** The bar's filled part; its width set through the CSSOM, which the page's policy allows. */
function fill(percent) {
  const node = el("div", { class: "fill" });
  node.style.width = percent + "%";
  return node;
}

function bar(resource, line) {
  const about = RESOURCES[resource] || { name: resource, unit: "" };
  const unit = about.unit ? " " + about.unit : "";
  const topUp = line.topUp > 0 ? ` (${line.baseLimit.toLocaleString("en-US")} + ${line.topUp.toLocaleString("en-US")} top-up)` : "";
  const numbers = `${line.used.toLocaleString("en-US")}${unit} of ${line.limit.toLocaleString("en-US")}${unit}${topUp}`;
  const shown = Math.min(100, Math.max(0, line.percent));
  const label = el("span", { class: "usage-name", id: "usage-label-" + resource }, about.name);
  return el(
    "li",
    { class: "usage level-" + line.level, id: "usage-" + resource, "data-level": line.level, "data-used": String(line.used) },
    el("div", { class: "usage-head" }, label, el("span", { class: "usage-numbers" }, numbers + ` (${Math.round(line.percent)} %)`)),
    el(
      "div",
      {
        class: "bar",
        role: "meter",
        "aria-labelledby": "usage-label-" + resource,
        "aria-valuemin": "0",
        "aria-valuemax": String(line.limit),
        "aria-valuenow": String(Math.min(line.used, line.limit)),
        "aria-valuetext": `${numbers}, ${levelText(line.level)}`,
      },
      fill(shown),
    ),
    line.level === "ok" ? null : el("p", { class: "level" }, levelText(line.level)),
  );
}

function renderUsage(report) {
  const list = el("ul", { class: "usage-list" });
  for (const resource of Object.keys(RESOURCES)) {
    if (report.resources[resource]) {
      list.append(bar(resource, report.resources[resource]));
    }
  }
  byId("usage-bars").replaceChildren(list);
}

function renderChange(status) {
  const section = byId("change");
  const confirmArea = el("div", { id: "change-confirm" });
  if (!status.billingV2) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  if (!hasLiveSubscription(status)) {
    section.replaceChildren(
      el("h2", {}, "Change plan"),
      el("p", {}, "You are on the free plan."),
      el("p", {}, el("a", { class: "button primary", href: "plans.html" + window.location.search, id: "choose-plan" }, "Choose a paid plan")),
    );
    return;
  }
  const period = status.billingPeriod || "monthly";
  const buttons = PAID.filter((tier) => tier !== status.tierId).map((tier) =>
    el(
      "button",
      { type: "button", id: "change-to-" + tier, onclick: () => offerPlanChange(confirmArea, status, tier, period, load) },
      (isUpgrade(status.tierId, tier) ? "Upgrade to " : "Downgrade to ") + tierName(tier),
    ),
  );
  const other = period === "monthly" ? "yearly" : "monthly";
  buttons.push(
    el(
      "button",
      { type: "button", id: "change-period", onclick: () => offerPlanChange(confirmArea, status, status.tierId, other, load) },
      "Switch to " + other + " billing",
    ),
  );
  section.replaceChildren(
    el("h2", {}, "Change plan"),
    el("p", { class: "actions" }, ...buttons),
    el("p", {}, el("a", { href: "plans.html" + window.location.search }, "Compare the plans")),
    confirmArea,
  );
}

function renderManage(status) {
  const actions = [];
  if (hasLiveSubscription(status)) {
    actions.push(
      status.cancelAtPeriodEnd
        ? el("button", { type: "button", id: "resume", onclick: () => cancelOrResume("resume") }, "Resume subscription")
        : el("button", { type: "button", id: "cancel", onclick: () => cancelOrResume("cancel") }, "Cancel at period end"),
    );
  }
  if (status.status !== "none" && (status.billingV2 || hasLiveSubscription(status))) {
    actions.push(el("button", { type: "button", id: "manage-billing", onclick: openPortal }, "Manage billing"));
  }
  byId("manage").hidden = actions.length === 0;
  byId("manage-actions").replaceChildren(...actions.flatMap((a) => [a, " "]));
  byId("legacy").hidden = status.billingV2;
}

async function cancelOrResume(action) {
  try {
    const change = await post("billing/subscription/" + action, { customerId });
    await load();
    announce(
      action === "cancel"
        ? `Your subscription will end on ${day(change.effectiveAt || change.subscription.currentPeriodEnd)}. You can resume it until then.`
        : "Your subscription was resumed and will renew as before.",
    );
    byId(action === "cancel" ? "resume" : "cancel")?.focus();
  } catch (e) {
    showError(e);
  }
}

async function openPortal() {
  try {
    const portal = await post("billing/create-portal-session", {
      customerId,
      returnUrl: new URL("panel.html" + window.location.search, window.location.href).href,
    });
    window.location.assign(portal.url);
  } catch (e) {
    showError(e);
  }
}

async function load() {
  const [status, report] = await Promise.all([
    get("billing/subscription/status/" + encodeURIComponent(customerId)),
    post("billing/check-usage-limits", { customerId }),
  ]);
  renderPlan(status);
  renderUsage(report);
  renderChange(status);
  renderManage(status);
  byId("panel").hidden = false;
  await Promise.all([
    renderUsageCharts(byId("usage-charts"), customerId),
    renderInvoices(byId("invoice-list"), customerId),
    renderOverage(byId("overage"), customerId),
  ]);
  return status;
}

async function refresh() {
  try {
    await load();
    announce("Updated.");
  } catch (e) {
    showError(e, el("button", { type: "button", onclick: refresh }, "Try again"));
  }
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
  byId("refresh").addEventListener("click", refresh);
  try {
    await load();
    clearMessages();
  } catch (e) {
    showError(e, el("button", { type: "button", onclick: refresh }, "Try again"));
  }
  // Usage changes while the page is open: read it again when the user comes back to the tab.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      load().catch((e) => (e instanceof ApiError ? showError(e) : null));
    }
  });
}

start();
