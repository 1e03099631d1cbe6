import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpRecorder } from "../../testing/http-recorder";
import { isPublicAddress, outboundUrlProblem } from "./address-policy";
import type { Resolver } from "./guarded-lookup";
import { parseRetryAfter } from "./retry-after";
import { sendOutbound } from "./send-outbound";

/** Every spelling an attacker tries for "this machine" or "the internal network". */
const PRIVATE_URLS = [
  "http://127.0.0.1/hook",
  "http://127.1/hook",
  "http://2130706433/hook",
  "http://0x7f000001/hook",
  "http://0177.0.0.1/hook",
  "http://0.0.0.0/hook",
  "http://[::1]/hook",
  "http://[::]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://[::ffff:7f00:1]/hook",
  "http://localhost/hook",
  "http://LOCALHOST./hook",
  "http://api.localhost/hook",
  "http://169.254.169.254/latest/meta-data/",
  "http://10.0.0.8/hook",
  "http://172.16.3.4/hook",
  "http://192.168.1.1/hook",
  "http://100.64.0.1/hook",
  "http://224.0.0.1/hook",
  "http://[fe80::1]/hook",
  "http://[fd00::1]/hook",
  "http://[fc00::5]/hook",
];

describe("outbound address policy", () => {
  it.each(PRIVATE_URLS)("refuses %s when saved", (url) => {
    expect(outboundUrlProblem(url, { allowPrivate: false })).toMatch(/does not send to private/);
  });

  it("accepts public hosts, and private ones when the operator allows them", () => {
    expect(outboundUrlProblem("https://hooks.example.com/x", { allowPrivate: false })).toBeNull();
    expect(outboundUrlProblem("https://93.184.215.14/x", { allowPrivate: false })).toBeNull();
    expect(outboundUrlProblem("http://127.0.0.1:9/x", { allowPrivate: true })).toBeNull();
  });

  it("refuses what is not an http(s) URL, and credentials in it", () => {
    expect(outboundUrlProblem("file:///etc/passwd", { allowPrivate: true })).toMatch(/http/);
    expect(outboundUrlProblem("gopher://a.example/", { allowPrivate: true })).toMatch(/http/);
    expect(outboundUrlProblem("https://u:p@a.example/", { allowPrivate: true })).toMatch(/user/);
  });

  it("judges resolved addresses the same way", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:10.0.0.1", "169.254.169.254", "fd12::1"])
      expect(isPublicAddress(address)).toBe(false);
    for (const address of ["93.184.215.14", "2606:2800:220:1::1"])
      expect(isPublicAddress(address)).toBe(true);
  });
});

describe("outbound client at connect time", () => {
  let receiver: Awaited<ReturnType<typeof startHttpRecorder>>;
  beforeAll(async () => {
    receiver = await startHttpRecorder(() => ({ status: 204 }));
  });
  afterAll(() => receiver.close());
  const port = () => new URL(receiver.url).port;
  /** DNS under the attacker's control: a public-looking name that answers 127.0.0.1. */
  const rebinding: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];

  it("refuses a public-looking name that resolves to loopback, and nothing arrives", async () => {
    const before = receiver.requests.length;
    await expect(
      sendOutbound(
        { url: `http://hooks.example.com:${port()}/rebound`, method: "POST", body: "{}" },
        { allowPrivate: false, resolve: rebinding },
      ),
    ).rejects.toThrow(/hooks\.example\.com resolves to 127\.0\.0\.1/);
    expect(receiver.requests.length).toBe(before);
  });

  it("refuses localhost at send time", async () => {
    await expect(
      sendOutbound({ url: `http://localhost:${port()}/` }, { allowPrivate: false }),
    ).rejects.toThrow(/private or loopback/);
  });

  it("refuses a stored URL with a numeric loopback host before connecting", async () => {
    await expect(
      sendOutbound({ url: `http://2130706433:${port()}/` }, { allowPrivate: false }),
    ).rejects.toThrow(/private or loopback/);
  });

  it("delivers to loopback when private targets are allowed", async () => {
    const response = await sendOutbound(
      { url: `http://hooks.example.com:${port()}/allowed`, method: "POST", body: "{}" },
      { allowPrivate: true, resolve: rebinding },
    );
    expect(response.status).toBe(204);
    expect(receiver.requests.at(-1)?.path).toBe("/allowed");
  });
});

describe("outbound client limits", () => {
  const server = createServer((req, res) => {
    if (req.url === "/redirect")
      return res.writeHead(302, { location: "http://169.254.169.254/" }).end();
    if (req.url === "/busy") return res.writeHead(429, { "retry-after": "120" }).end();
    if (req.url === "/huge") return res.writeHead(200).end(Buffer.alloc(200_000));
    if (req.url === "/slow") return setTimeout(() => res.writeHead(200).end(), 5_000);
    res.writeHead(200).end("ok");
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const options = { allowPrivate: true };

  it("returns a redirect as is, without following it", async () => {
    const response = await sendOutbound({ url: `${base}/redirect` }, options);
    expect(response.status).toBe(302);
  });

  it("hands the caller Retry-After", async () => {
    const response = await sendOutbound({ url: `${base}/busy` }, options);
    expect(response).toMatchObject({ status: 429, retryAfterMs: 120_000 });
  });

  it("cuts off an answer bigger than the cap", async () => {
    await expect(
      sendOutbound({ url: `${base}/huge` }, { ...options, maxResponseBytes: 10_000 }),
    ).rejects.toThrow(/larger than 10000 bytes/);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    await expect(
      sendOutbound({ url: `${base}/slow` }, { ...options, timeoutMs: 200 }),
    ).rejects.toThrow(/No answer within 0.2 s/);
  });

  it("reads Retry-After as seconds or a date, capped at a day", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("99999999", now)).toBe(86_400_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
