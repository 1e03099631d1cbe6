import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../config";
import { clientAddress, stampClientAddress } from "./client-address";
import { CLIENT_ADDRESS_HEADER } from "./front-headers";
import { clientFromForwardedFor, trustedProxyList, trustedProxyMatcher } from "./trusted-proxies";

vi.hoisted(() => {
  process.env.HERALD_TRUSTED_PROXIES = "10.0.0.5, 10.1.0.0/16";
});

/** What Next hands a route handler: the stamped socket address plus whatever the client wrote. */
const seen = (peer: string, forwardedFor?: string) =>
  new Headers({
    [CLIENT_ADDRESS_HEADER]: peer,
    ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
  });

describe("the client address rate limits count against", () => {
  // As in production: this process runs the front server, which stamps every request.
  beforeAll(() => stampClientAddress({ headers: {}, socket: {} } as IncomingMessage));

  it("is the socket's address, whatever X-Forwarded-For a direct client invents", async () => {
    // The front server stamps every request; a client's own copy of the header is overwritten.
    const server = createServer((req, res) => {
      stampClientAddress(req);
      res.end(req.headers[CLIENT_ADDRESS_HEADER]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const answer = await fetch(url, { headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.1" } });
    server.close();
    expect(await answer.text()).toBe("127.0.0.1");

    const keys = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3, 4.4.4.4"].map((xff) =>
        clientAddress(seen("198.51.100.7", xff)),
      ),
    );
    expect([...keys]).toEqual(["198.51.100.7"]);
  });

  it("believes X-Forwarded-For only from a trusted proxy, read from the right", () => {
    expect(clientAddress(seen("10.0.0.5", "203.0.113.9"))).toBe("203.0.113.9");
    // The client prepended a fake hop; the proxy appended the address it really saw.
    expect(clientAddress(seen("10.0.0.5", "1.2.3.4, 203.0.113.9"))).toBe("203.0.113.9");
    // Two of our own proxies in a row (10.1.x.x is trusted too) are skipped.
    expect(clientAddress(seen("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.1.4.4"))).toBe("203.0.113.9");
    expect(clientAddress(seen("::ffff:10.0.0.5", "203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(seen("10.0.0.5", "garbage"))).toBe("10.0.0.5");
    expect(clientAddress(seen("10.0.0.6", "203.0.113.9"))).toBe("10.0.0.6");
  });

  it("spells one address one way, so IPv4-mapped IPv6 shares the IPv4 bucket", () => {
    expect(clientAddress(seen("::ffff:192.0.2.8"))).toBe("192.0.2.8");
  });

  it("walks hops with no trusted proxies configured: the peer is the client", () => {
    const none = trustedProxyMatcher(trustedProxyList(undefined));
    expect(clientFromForwardedFor("192.0.2.1", "203.0.113.9", none)).toBe("192.0.2.1");
  });

  it("refuses a HERALD_TRUSTED_PROXIES that is not addresses or CIDRs", () => {
    expect(() => parseConfig({ HERALD_TRUSTED_PROXIES: "10.0.0.1, proxy.internal" })).toThrow(
      /HERALD_TRUSTED_PROXIES: must be IP addresses or CIDRs/,
    );
    expect(parseConfig({ HERALD_TRUSTED_PROXIES: "10.0.0.1,fd00::/8" })).toMatchObject({
      HERALD_TRUSTED_PROXIES: "10.0.0.1,fd00::/8",
    });
  });
});
