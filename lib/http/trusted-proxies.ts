import ipaddr from "ipaddr.js";

/** `HERALD_TRUSTED_PROXIES` split into its entries. */
export function trustedProxyList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function isAddressOrCidr(entry: string): boolean {
  return ipaddr.isValid(entry) || isCidr(entry);
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A matcher for "is this peer one of our proxies"; IPv4-mapped IPv6 peers match their IPv4 entries. */
export function trustedProxyMatcher(entries: string[]): (address: string) => boolean {
  const ranges: Range[] = entries.map((entry) => {
    if (isCidr(entry)) return ipaddr.parseCIDR(entry) as Range;
    const single = ipaddr.process(entry);
    return [single, single.kind() === "ipv4" ? 32 : 128];
  });
  return (address) => {
    if (!ipaddr.isValid(address)) return false;
    const peer = ipaddr.process(address);
    return ranges.some(([range, bits]) => range.kind() === peer.kind() && peer.match(range, bits));
  };
}

/**
 * The client behind our proxies: X-Forwarded-For read from the right (each
 * proxy appends the address it saw), skipping our own proxies; the first
 * untrusted hop is the client. Entries further left were written by the client
 * and prove nothing.
 */
export function clientFromForwardedFor(
  peer: string,
  forwardedFor: string | undefined,
  isTrusted: (address: string) => boolean,
): string {
  if (!isTrusted(peer) || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!ipaddr.isValid(hop)) return client;
    client = normalise(hop);
    if (!isTrusted(hop)) return client;
  }
  return client;
}

/** One spelling per address, so ::ffff:1.2.3.4 and 1.2.3.4 share a rate-limit bucket. */
export function normalise(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}
