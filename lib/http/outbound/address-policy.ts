import ipaddr from "ipaddr.js";
import { config } from "../../config";

/**
 * Which addresses Herald may send to. Only globally routable unicast: never
 * loopback, private (RFC 1918), link-local (cloud metadata lives at
 * 169.254.169.254), unique-local, carrier-grade NAT, multicast, unspecified or
 * reserved space, nor IPv6 forms that embed an IPv4 one (mapped, 6to4, NAT64…).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so a mapped address is judged as IPv4.
  return ipaddr.process(address).range() === "unicast";
}

/** `HERALD_ALLOW_PRIVATE_URLS=true`: an operator (or a test suite) that really needs private targets. */
export function privateTargetsAllowed(): boolean {
  return config().HERALD_ALLOW_PRIVATE_URLS;
}

/** Names that resolve to this machine whatever DNS says (RFC 6761). */
const LOCAL_NAMES = /(^|\.)(localhost|localhost\.localdomain)\.?$/i;

export const PRIVATE_TARGET_HINT =
  "Herald does not send to private, loopback or link-local addresses. Use a public URL (or set HERALD_ALLOW_PRIVATE_URLS=true).";

/**
 * Why Herald will not send to `url`, or null when it may. Checked when a URL is
 * saved; the address a hostname resolves to is checked again at connect time
 * (see guarded-lookup.ts). The WHATWG parser has already normalised numeric
 * hosts (2130706433, 0x7f000001, 127.1 all become 127.0.0.1).
 */
export function outboundUrlProblem(
  raw: string,
  { allowPrivate = privateTargetsAllowed() }: { allowPrivate?: boolean } = {},
): string | null {
  if (!URL.canParse(raw)) return "Use a full http(s):// URL.";
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use a full http(s):// URL.";
  if (url.username || url.password) return "Leave the user name and password out of the URL.";
  if (allowPrivate) return null;
  const host = literalHost(url);
  if (LOCAL_NAMES.test(url.hostname)) return PRIVATE_TARGET_HINT;
  if (ipaddr.isValid(host) && !isPublicAddress(host)) return PRIVATE_TARGET_HINT;
  return null;
}

/** The hostname without IPv6 brackets: what the resolver or the socket is given. */
export function literalHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}
