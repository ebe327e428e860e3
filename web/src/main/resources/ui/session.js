// The signed-in user's bearer token, kept for this browser tab only (sessionStorage).
// In production the platform hands the token over in the URL fragment (#token=...): a fragment
// is never sent to a server, so the token reaches no access log; it is moved out of the address
// bar at once.
const KEY = "billing.token";

export function takeHandedOverToken() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get("token");
  if (token) {
    sessionStorage.setItem(KEY, token);
    fragment.delete("token");
    const rest = fragment.toString();
    history.replaceState(null, "", window.location.pathname + window.location.search + (rest ? "#" + rest : ""));
  }
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(newToken) {
  sessionStorage.setItem(KEY, newToken.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}
