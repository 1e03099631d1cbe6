import { HeraldError } from "../errors";

/**
 * Cookie-authenticated JSON endpoints of the console accept only the console's
 * own pages: the browser's Sec-Fetch-Site says so, or (older browsers) the
 * Origin matches the Host the request came to. Server actions check the same
 * on their own; these routes exist for what actions cannot do (a save that must
 * outlive the page: `fetch(…, { keepalive: true })`).
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin") return;
    throw new HeraldError("forbidden", "Only the console itself may call this.");
  }
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || !URL.canParse(origin) || new URL(origin).host !== host)
    throw new HeraldError("forbidden", "Only the console itself may call this.");
}
