// The panel's overage protection: per metered resource, whether the product may buy top-up packs
// when usage reaches the limit, and the monthly cap for them, with this month's spending.
import { call, get } from "./api.js";
import { RESOURCES, announce, el, money, showError } from "./page.js";

function dollars(cents) {
  return (cents / 100).toFixed(2);
}

function row(customerId, resource, setting, reload) {
  const about = RESOURCES[resource];
  const unit = about.unit ? " " + about.unit : "";
  const enabled = el("input", { type: "checkbox", id: "topup-enabled-" + resource, checked: setting.enabled });
  const cap = el("input", {
    type: "number",
    id: "topup-cap-" + resource,
    min: "0",
    step: "1",
    inputmode: "decimal",
    value: dollars(setting.monthlyCapCents),
    "aria-describedby": "topup-spent-" + resource,
  });
  const save = el("button", { type: "button", id: "topup-save-" + resource }, "Save " + about.name.toLowerCase());
  save.addEventListener("click", async () => {
    const capCents = Math.round(Number(cap.value) * 100);
    if (!Number.isFinite(capCents) || capCents < 0) {
      showError(new Error("The monthly cap must be an amount of 0 or more."));
      return;
    }
    try {
      await call("PUT", "billing/overage/" + encodeURIComponent(customerId), {
        body: { resources: { [resource]: { enabled: enabled.checked, monthlyCapCents: capCents } } },
      });
      announce(`Saved: top-ups for ${about.name.toLowerCase()} are ${enabled.checked ? "on" : "off"}, up to $${dollars(capCents)} a month.`);
      await reload();
    } catch (e) {
      showError(e);
    }
  });
  const pack = setting.pack;
  const spent = money({ amount: setting.spentCents, currency: pack ? pack.price.currency : "usd" });
  return el(
    "fieldset",
    { class: "topup", id: "topup-" + resource, "data-packs": String(setting.packs) },
    el("legend", {}, about.name),
    el("p", { class: "toggle" }, enabled, " ", el("label", { for: enabled.id }, "Buy a top-up when I reach the limit")),
    el("p", {}, el("label", { for: cap.id }, "Monthly cap (USD)"), " ", cap),
    el(
      "p",
      { class: "meta", id: "topup-spent-" + resource },
      `A pack adds ${pack.size.toLocaleString("en-US")}${unit} for ${money(pack.price)}. This month: ${spent} spent, ${setting.packs} ${setting.packs === 1 ? "pack" : "packs"} (${setting.quantity.toLocaleString("en-US")}${unit}).`,
    ),
    el("p", {}, save),
  );
}

/** Shows the settings; a plan without packs (FREE) says where top-ups come from instead. */
export async function renderOverage(container, customerId) {
  const reload = () => renderOverage(container, customerId);
  try {
    const settings = await get("billing/overage/" + encodeURIComponent(customerId));
    const offered = Object.entries(settings.resources).filter(([, s]) => s.pack);
    if (offered.length === 0) {
      container.replaceChildren(el("p", { id: "topups-not-offered" }, "Top-ups are part of the paid plans: choose one to buy more when you reach a limit."));
      return;
    }
    container.replaceChildren(
      el("p", {}, "Instead of stopping at a limit, buy a pack of more for the rest of the month, up to a cap you set. Packs are charged to your card on file."),
      el("div", { class: "topups" }, offered.map(([resource, setting]) => row(customerId, resource, setting, reload))),
    );
  } catch (e) {
    showError(e);
  }
}
