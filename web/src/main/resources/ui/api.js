// Calls the public API with relative URLs and the signed-in user's token, and turns its
// RFC 9457 problems into short messages for people.
import { token } from "./session.js";

export class ApiError extends Error {
  constructor(status, problem, message, retryAfterSeconds = null) {
    super(message);
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get type() {
    return this.problem && typeof this.problem.type === "string" ? this.problem.type.split("/").pop() : null;
  }
}

/** A new key for one action of the user; stripe-java's retries of that action reuse it. */
export function idempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function messageFor(status, problem) {
  if (status === 401) {
    return "Your sign-in has expired or is not valid. Sign in again.";
  }
  if (problem && (problem.detail || problem.title)) {
    return String(problem.detail || problem.title);
  }
  if (status === 403) {
    return "You are not allowed to do this.";
  }
  if (status >= 500) {
    return "The billing service had a problem. Try again in a moment.";
  }
  return "The request was refused (" + status + ").";
}

/**
 * Sends one request; answers the parsed JSON body (or null) and the response, or throws an
 * ApiError whose message is fit to show.
 */
export async function call(method, path, { body, headers = {}, idempotent = false } = {}) {
  const sent = { Accept: "application/json", ...headers };
  const bearer = token();
  if (bearer) {
    sent.Authorization = "Bearer " + bearer;
  }
  if (body !== undefined) {
    sent["Content-Type"] = headers["Content-Type"] || "application/json";
  }
  if (idempotent) {
    sent["Idempotency-Key"] = idempotencyKey();
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch (e) {
    throw new ApiError(0, null, "The billing service cannot be reached. Check your connection and try again.");
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = null;
    }
  }
  if (!response.ok) {
    const retryAfter = Number.parseInt(response.headers.get("Retry-After") || "", 10);
    throw new ApiError(response.status, parsed, messageFor(response.status, parsed), Number.isNaN(retryAfter) ? null : retryAfter);
  }
  return { body: parsed, response };
}

export async function get(path) {
  return (await call("GET", path)).body;
}

export async function post(path, body) {
  return (await call("POST", path, { body, idempotent: true })).body;
}
