// What every page shares: who is signed in, the navigation, the live regions that announce
// status changes and errors, and how amounts, dates and ids are written for people.
import { ApiError, get } from "./api.js";
import { signOut, takeHandedOverToken, token } from "./session.js";

export const RESOURCES = {
  projects: { name: "Projects", unit: "" },
  build_hours: { name: "Build hours", unit: "h" },
  storage_gb: { name: "Storage", unit: "GB" },
  ai_embeddings: { name: "AI embeddings", unit: "" },
};

const LEVELS = { ok: "OK", warning: "Warning: 80 % or more used", critical: "Critical: 95 % or more used", exceeded: "Over the limit" };

export function levelText(level) {
  return LEVELS[level] || level;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Makes an element: el("p", { class: "x" }, "text", child). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith("on")) {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, "");
    } else {
      node.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function money(price) {
  return (price.amount / 100).toLocaleString("en-US", {
    style: "currency",
    currency: price.currency.toUpperCase(),
    maximumFractionDigits: price.amount % 100 === 0 ? 0 : 2,
  });
}

export function day(iso) {
  return iso
    ? new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })
    : "";
}

export function moment(iso) {
  return iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "";
}

export function words(id) {
  const text = String(id).replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function tierName(tierId) {
  return tierId ? tierId.charAt(0) + tierId.slice(1).toLowerCase() : "";
}

/** Says something to every user, screen readers included (a polite live region). */
export function announce(text) {
  byId("error").replaceChildren();
  byId("status").textContent = text;
}

/** Shows what went wrong as a short sentence (the problem's detail or title), never raw JSON. */
export function showError(error, ...actions) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  const parts = [el("p", {}, message)];
  if (error instanceof ApiError && error.status === 401) {
    parts.push(el("p", {}, el("a", { href: signInLink() }, "Sign in again")));
  }
  if (actions.length) {
    parts.push(el("p", { class: "actions" }, ...actions));
  }
  byId("status").textContent = "";
  byId("error").replaceChildren(...parts);
}

export function clearMessages() {
  byId("status").textContent = "";
  byId("error").replaceChildren();
}

function signInLink() {
  return "index.html?next=" + encodeURIComponent(window.location.pathname.slice(1) + window.location.search);
}

function renderWho(me) {
  const who = byId("who");
  if (!me) {
    who.replaceChildren(el("a", { href: signInLink() }, "Sign in"));
    return;
  }
  const name = me.customerId || me.subject || "unknown";
  who.replaceChildren(
    el("span", {}, "Signed in as ", el("strong", {}, name), " (" + me.roles.join(", ") + ")"),
    " ",
    el(
      "button",
      {
        type: "button",
        class: "link",
        onclick: () => {
          signOut();
          window.location.href = "index.html";
        },
      },
      "Sign out",
    ),
  );
}

/**
 * Starts a page that needs a signed-in user: answers who it is ({subject, customerId, roles}),
 * or null after telling the user to sign in.
 */
export async function signedIn() {
  takeHandedOverToken();
  if (!token()) {
    renderWho(null);
    showError(new Error("You are not signed in."), el("a", { href: signInLink() }, "Sign in"));
    return null;
  }
  try {
    const me = await get("billing/whoami");
    renderWho(me);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      signOut();
      renderWho(null);
    }
    showError(e);
    return null;
  }
}

/**
 * The customer a page is about: a customer's own; for service and admin callers the one named by
 * ?customer= (a form asks for it when none is given).
 */
export function customerOf(me) {
  if (me.roles.includes("customer") && me.customerId) {
    return me.customerId;
  }
  return new URLSearchParams(window.location.search).get("customer");
}

export function askForCustomer(container) {
  const form = el(
    "form",
    { class: "inline", method: "get" },
    el("label", { for: "customer-pick" }, "Customer id"),
    el("input", { id: "customer-pick", name: "customer", required: true, autocomplete: "off" }),
    el("button", { type: "submit" }, "Show"),
  );
  container.replaceChildren(el("p", {}, "You are signed in as staff: name the customer to show."), form);
}

export function isAdmin(me) {
  return me.roles.includes("admin");
}

/** A live subscription: a paid plan that a customer changes through plan change, not checkout. */
export function hasLiveSubscription(status) {
  return ["active", "trialing", "past_due"].includes(status.status) && status.tierId !== "FREE";
}
