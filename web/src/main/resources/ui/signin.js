// Development sign-in: asks this server's development token command for a token (it exists only
// in the development profile and answers only this machine). In production the platform hands
// the token over instead (README, "The billing UI").
import { ApiError } from "./api.js";
import { announce, byId, el, showError } from "./page.js";
import { signIn, takeHandedOverToken, token } from "./session.js";

function next(role) {
  const asked = new URLSearchParams(window.location.search).get("next");
  // Only pages of this site, never another origin.
  if (asked && /^[a-z]+\.html(\?[\w=&%.-]*)?$/.test(asked)) {
    return asked;
  }
  return role === "admin" ? "flags.html" : "panel.html";
}

async function submit(event) {
  event.preventDefault();
  const name = byId("customer-id").value.trim();
  const role = byId("role").value;
  const query = new URLSearchParams({ role });
  // A customer signs in as its customer id; staff under their own name (what flag history shows).
  query.set(role === "customer" ? "customerId" : "subject", name);
  try {
    const answer = await fetch("dev/token?" + query, { headers: { Accept: "text/plain" }, cache: "no-store" });
    if (answer.status === 404) {
      throw new Error("Sign-in with a development token is off on this server: open the billing pages from the platform.");
    }
    if (!answer.ok) {
      let problem = null;
      try {
        problem = await answer.json();
      } catch (e) {
        problem = null;
      }
      throw new ApiError(answer.status, problem, (problem && (problem.detail || problem.title)) || "Sign-in failed.");
    }
    signIn(await answer.text());
    announce("Signed in.");
    window.location.assign(next(role));
  } catch (e) {
    showError(e);
  }
}

takeHandedOverToken();
if (token()) {
  byId("signed-in").hidden = false;
}
byId("sign-in").addEventListener("submit", submit);
