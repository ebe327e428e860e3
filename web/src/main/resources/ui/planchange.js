// Plan change of a live subscription, shared by the panel and the plans page: the user sees what
// will happen (an upgrade is charged now, a downgrade waits for the period's end and deletes
// nothing) and confirms before anything is sent.
import { post } from "./api.js";
import { announce, day, el, showError, tierName } from "./page.js";

const ORDER = ["FREE", "STARTER", "PRO", "SCALE"];

export function isUpgrade(fromTier, toTier) {
  return ORDER.indexOf(toTier) > ORDER.indexOf(fromTier);
}

function consequence(status, tierId, period) {
  if (isUpgrade(status.tierId, tierId)) {
    return `Upgrading to ${tierName(tierId)} (${period}) takes effect now; the prorated difference is charged at once.`;
  }
  if (tierId === status.tierId) {
    return `Your ${tierName(tierId)} plan will be billed ${period} from your next renewal.`;
  }
  return (
    `Downgrading to ${tierName(tierId)} (${period}) takes effect at the end of the current period` +
    (status.currentPeriodEnd ? `, on ${day(status.currentPeriodEnd)}` : "") +
    `. You keep ${tierName(status.tierId)} until then, and nothing is deleted: projects and data above` +
    ` the new limits stay, only new usage is limited.`
  );
}

/** Shows the confirmation for one change inside `container`; onDone(planChange) after it applied. */
export function offerPlanChange(container, status, tierId, period, onDone) {
  const id = "confirm-" + tierId + "-" + period;
  const confirm = el(
    "button",
    {
      type: "button",
      id,
      class: "primary",
      onclick: async () => {
        confirm.disabled = true;
        try {
          const change = await post("billing/subscription/change-plan", {
            customerId: status.customerId,
            tierId,
            billingPeriod: period,
          });
          container.replaceChildren();
          announce(
            change.effective === "now"
              ? `You are now on ${tierName(change.subscription.tierId)}.`
              : `Your change to ${tierName(tierId)} is scheduled for ${day(change.effectiveAt)}. Nothing is deleted.`,
          );
          onDone(change);
        } catch (e) {
          confirm.disabled = false;
          showError(e);
        }
      },
    },
    "Confirm change to " + tierName(tierId) + " " + period,
  );
  const keep = el("button", { type: "button", onclick: () => container.replaceChildren() }, "Keep my plan");
  container.replaceChildren(
    el("div", { class: "confirm", role: "group", "aria-label": "Confirm plan change" }, el("p", {}, consequence(status, tierId, period)), el("p", { class: "actions" }, confirm, " ", keep)),
  );
  confirm.focus();
}
