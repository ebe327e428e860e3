// The flag console (admins): every flag per environment, toggle and rollout, the change history,
// and a preview of the billing path for one customer. A change carries the version the admin saw
// (If-Match): when someone else changed the flag meanwhile the API answers 412 and the console
// says so, never overwriting their change.
import { ApiError, call, get } from "./api.js";
import { announce, byId, clearMessages, el, isAdmin, moment, showError, signedIn } from "./page.js";

let running = "";

/** A history entry's before or after, for the environment changed (the whole flag otherwise). */
function describe(snapshot, environment) {
  if (!snapshot || typeof snapshot !== "object") {
    return "—";
  }
  const environments = snapshot.environments || {};
  if (environment && environments[environment]) {
    return describe(environments[environment], null);
  }
  if (!environment && Object.keys(environments).length) {
    return Object.entries(environments)
      .map(([name, state]) => name + ": " + describe(state, null))
      .join("; ");
  }
  const state = snapshot;
  const parts = [];
  if ("enabled" in state) {
    parts.push(state.enabled ? "on" : "off");
  }
  if ("rolloutPercentage" in state) {
    parts.push(state.rolloutPercentage + " %");
  }
  return parts.length ? parts.join(", ") : state.description ? "description: " + state.description : "—";
}

function environmentRow(flag, environment, state) {
  const base = `${flag.key}-${environment}`;
  const enabled = el("input", { type: "checkbox", id: "enabled-" + base, checked: state.enabled });
  const slider = el("input", { type: "range", id: "rollout-range-" + base, min: "0", max: "100", step: "1", value: String(state.rolloutPercentage) });
  const number = el("input", { type: "number", id: "rollout-" + base, min: "0", max: "100", step: "1", value: String(state.rolloutPercentage), inputmode: "numeric" });
  slider.addEventListener("input", () => (number.value = slider.value));
  number.addEventListener("input", () => (slider.value = number.value));
  const save = el("button", { type: "button", class: "primary", id: "save-" + base }, "Save " + environment);
  save.addEventListener("click", () => change(flag, environment, enabled.checked, number.value, save));
  return el(
    "fieldset",
    { class: "environment" + (environment === running ? " running" : "") },
    el("legend", {}, environment + (environment === running ? " (this server)" : "")),
    el("p", { class: "toggle" }, enabled, " ", el("label", { for: enabled.id }, "Enabled")),
    el("p", { class: "rollout" }, el("label", { for: number.id }, "Rollout percentage"), " ", number, " ", el("label", { for: slider.id, class: "visually-hidden" }, "Rollout percentage slider"), slider),
    el("p", {}, save),
  );
}

function flagCard(flag) {
  const history = el("div", { id: "history-" + flag.key });
  return el(
    "article",
    { class: "flag", id: "flag-" + flag.key, "data-version": String(flag.version), "aria-labelledby": "flag-title-" + flag.key },
    el("h2", { id: "flag-title-" + flag.key }, flag.key),
    flag.description ? el("p", {}, flag.description) : null,
    el("p", { class: "meta" }, `Version ${flag.version}`, flag.updatedBy ? ` · last changed by ${flag.updatedBy} on ${moment(flag.updatedAt)}` : ""),
    el("div", { class: "environments" }, Object.entries(flag.environments).map(([environment, state]) => environmentRow(flag, environment, state))),
    el("p", {}, el("button", { type: "button", id: "show-history-" + flag.key, onclick: () => showHistory(flag.key, history) }, "Show history")),
    history,
  );
}

async function change(flag, environment, enabled, rollout, button) {
  const percentage = Number(rollout);
  if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
    showError(new Error("The rollout percentage must be a whole number from 0 to 100."));
    return;
  }
  button.disabled = true;
  try {
    await call("PATCH", "flags/" + encodeURIComponent(flag.key), {
      body: { environment, enabled, rolloutPercentage: percentage },
      headers: { "If-Match": `"${flag.version}"` },
    });
    await load();
    announce(`Saved: ${flag.key} in ${environment} is ${enabled ? "on" : "off"} at ${percentage} %.`);
    byId("save-" + flag.key + "-" + environment)?.focus();
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiError && e.status === 412) {
      showError(
        new Error(
          `Someone else changed ${flag.key} since you opened it; your change was not saved. Reload to see the current state, then make your change again.`,
        ),
        el("button", { type: "button", id: "reload", onclick: reloadAfterConflict }, "Reload"),
      );
    } else {
      showError(e);
    }
  }
}

async function reloadAfterConflict() {
  try {
    await load();
    announce("Reloaded: the console shows the current state.");
  } catch (e) {
    showError(e);
  }
}

async function showHistory(key, container) {
  try {
    const history = await get("flags/" + encodeURIComponent(key) + "/history?size=20");
    const rows = history.items.map((item) =>
      el("tr", {}, el("td", {}, moment(item.changedAt)), el("td", {}, item.actor || "—"), el("td", {}, item.action), el("td", {}, item.environment || "all"), el("td", {}, describe(item.before, item.environment)), el("td", {}, describe(item.after, item.environment))),
    );
    container.replaceChildren(
      el(
        "div",
        { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "History of " + key },
        el(
          "table",
          {},
          el("caption", {}, `Changes of ${key}, newest first (${history.total} in all)`),
          el("thead", {}, el("tr", {}, ["When", "Who", "What", "Environment", "Before", "After"].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, rows),
        ),
      ),
    );
  } catch (e) {
    showError(e);
  }
}

async function preview(event) {
  event.preventDefault();
  const subject = byId("preview-customer").value.trim();
  const answer = byId("preview-answer");
  try {
    const result = await get("flags/billing_v2/evaluate?subject=" + encodeURIComponent(subject));
    answer.replaceChildren(
      "Customer ",
      el("strong", {}, subject),
      " gets the new billing: ",
      el("strong", { id: "preview-result", "data-enabled": String(result.enabled) }, result.enabled ? "yes" : "no"),
      ` (bucket ${result.bucket}, ${result.reason.toLowerCase()}, ${running}).`,
    );
    clearMessages();
  } catch (e) {
    answer.replaceChildren();
    showError(e);
  }
}

async function load() {
  const list = await get("flags");
  running = list.environment;
  byId("environment").textContent = running;
  byId("flags").replaceChildren(...list.flags.map(flagCard));
}

async function start() {
  const me = await signedIn();
  if (!me) {
    return;
  }
  if (!isAdmin(me)) {
    showError(new Error("The flag console is for admins. Your account cannot view or change flags here."), el("a", { href: "panel.html" }, "Go to your billing panel"));
    return;
  }
  byId("console").hidden = false;
  byId("preview").addEventListener("submit", preview);
  try {
    await load();
  } catch (e) {
    showError(e);
  }
}

start();
