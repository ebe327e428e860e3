// The billing panel's history: invoices with Stripe's hosted page and PDF, and a chart per
// resource of the last 30 days' usage (with the figures as a table for screen readers and anyone
// who prefers numbers).
import { get } from "./api.js";
import { RESOURCES, day, el, money, showError } from "./page.js";

const PAGE_SIZE = 10;
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  return node;
}

function invoiceRow(invoice) {
  const links = [];
  if (invoice.hostedInvoiceUrl) {
    links.push(el("a", { href: invoice.hostedInvoiceUrl, class: "invoice-link" }, "View", el("span", { class: "visually-hidden" }, " invoice " + (invoice.number || ""))));
  }
  if (invoice.invoicePdf) {
    links.push(" ", el("a", { href: invoice.invoicePdf, class: "invoice-pdf" }, "PDF", el("span", { class: "visually-hidden" }, " of invoice " + (invoice.number || ""))));
  }
  const period = invoice.periodStart && invoice.periodEnd ? `${day(invoice.periodStart)} – ${day(invoice.periodEnd)}` : "";
  const amount = money({ amount: invoice.amountDue, currency: invoice.currency });
  const paid = invoice.amountPaid === invoice.amountDue ? "" : ` (paid ${money({ amount: invoice.amountPaid, currency: invoice.currency })})`;
  return el(
    "tr",
    { id: "invoice-" + invoice.invoiceId, "data-status": invoice.status },
    el("td", {}, day(invoice.createdAt)),
    el("td", {}, invoice.number || "draft"),
    el("td", {}, period),
    el("td", {}, amount + paid),
    el("td", {}, invoice.status.replaceAll("_", " ")),
    el("td", {}, links),
  );
}

/** Lists the customer's invoices, newest first, with "Show more" for older ones. */
export async function renderInvoices(container, customerId) {
  const body = el("tbody", {});
  const table = el(
    "div",
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Invoices" },
    el(
      "table",
      { id: "invoices" },
      el("caption", { class: "visually-hidden" }, "Invoices, newest first"),
      el("thead", {}, el("tr", {}, ["Date", "Number", "Period", "Amount", "Status", "Invoice"].map((h) => el("th", { scope: "col" }, h)))),
      body,
    ),
  );
  const more = el("button", { type: "button", id: "more-invoices", hidden: true }, "Show older invoices");
  let page = 0;
  async function load() {
    try {
      const answer = await get(`billing/invoices/${encodeURIComponent(customerId)}?page=${page}&size=${PAGE_SIZE}`);
      if (answer.total === 0) {
        container.replaceChildren(el("p", { id: "no-invoices" }, "No invoices yet."));
        return;
      }
      body.append(...answer.items.map(invoiceRow));
      page += 1;
      more.hidden = page * PAGE_SIZE >= answer.total;
    } catch (e) {
      showError(e);
    }
  }
  more.addEventListener("click", load);
  container.replaceChildren(table, el("p", {}, more));
  await load();
}

function chart(resource, history) {
  const about = RESOURCES[resource] || { name: resource, unit: "" };
  const unit = about.unit ? " " + about.unit : "";
  const values = history.days.map((d) => d.amount);
  const highest = Math.max(1, ...values);
  const width = 300;
  const height = 60;
  const step = width / values.length;
  const total = values.reduce((a, b) => a + b, 0);
  const summary =
    history.kind === "consumed"
      ? `${about.name}, ${day(history.from)} to ${day(history.to)}: ${total.toLocaleString("en-US")}${unit} in all, at most ${Math.max(...values).toLocaleString("en-US")}${unit} in a day.`
      : `${about.name}, ${day(history.from)} to ${day(history.to)}: ${values[values.length - 1].toLocaleString("en-US")}${unit} now, at most ${Math.max(...values).toLocaleString("en-US")}${unit}.`;
  const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": summary, preserveAspectRatio: "none" });
  values.forEach((value, i) => {
    const h = (value / highest) * (height - 2);
    picture.append(svg("rect", { x: i * step + 1, y: height - h, width: Math.max(1, step - 2), height: h, class: "chart-bar" }));
  });
  picture.append(svg("line", { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: "chart-axis" }));
  const rows = history.days.map((d) => el("tr", {}, el("td", {}, day(d.date)), el("td", {}, d.amount.toLocaleString("en-US") + unit)));
  return el(
    "figure",
    { class: "usage-chart", id: "chart-" + resource, "data-total": String(total), "data-days": String(values.length) },
    el("figcaption", {}, el("strong", {}, about.name), " ", el("span", { class: "meta" }, summary)),
    picture,
    el(
      "details",
      {},
      el("summary", {}, "Figures per day"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Day"), el("th", { scope: "col" }, history.kind === "consumed" ? "Used" : "Level"))), el("tbody", {}, rows)),
    ),
  );
}

/** One chart per resource of the last 30 days (UTC days). */
export async function renderUsageCharts(container, customerId) {
  try {
    const histories = await Promise.all(
      Object.keys(RESOURCES).map((resource) => get(`billing/usage/history/${encodeURIComponent(customerId)}?resource=${resource}`)),
    );
    container.replaceChildren(...histories.map((history) => chart(history.resource, history)));
  } catch (e) {
    showError(e);
  }
}
