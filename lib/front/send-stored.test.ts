import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendStored } from "./send-stored";
import { storeResponse, type StoredResponse } from "./stored-response";

const PAGE = `<!DOCTYPE html><html><head><script src="/herald-status.js" async=""></script></head><body><h1>All Systems Operational</h1>${"<p>day</p>".repeat(300)}<script src="/_next/static/chunks/app.js" async=""></script><script>self.__next_f.push([1,"payload"])</script></body></html>`;
const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

let page: StoredResponse;
let stalePage: StoredResponse;
let badge: StoredResponse;
let base: string;
const server = createServer((req, res) =>
  sendStored(req, res, req.url === "/badge.svg" ? badge : req.url === "/stale" ? stalePage : page),
);

/** Raw HTTP, so the test sees exactly what went over the wire (fetch would decompress). */
function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (c: Buffer) => chunks.push(c))
          .on("end", () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
      });
      req.on("error", reject).end();
    },
  );
}

beforeAll(async () => {
  const html = () =>
    new Response(PAGE, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": CSP,
        "set-cookie": "session=1",
        "cache-control": "private, no-store",
      },
    });
  page = await storeResponse(html(), { kind: "page", live: true });
  stalePage = await storeResponse(html(), { kind: "page", live: false });
  badge = await storeResponse(
    new Response("<svg>operational</svg>", {
      headers: { "content-type": "image/svg+xml", "cache-control": "public, s-maxage=5" },
    }),
    { kind: "resource", live: true },
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("public responses served from memory", () => {
  it("sends Brotli or gzip as the browser accepts, the same page either way", async () => {
    const br = await get("/", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    const gz = await get("/", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString());
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.headers.vary).toBe("Accept-Encoding");
  });

  it("answers each Accept-Encoding by what the response has: a tiny badge goes uncompressed to a browser that got the page in Brotli", async () => {
    const accept = { "accept-encoding": "gzip, deflate, br" };
    expect((await get("/", accept)).headers["content-encoding"]).toBe("br");
    const tiny = await get("/badge.svg", accept);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body.toString()).toBe("<svg>operational</svg>");
    expect(
      (await get("/", { "accept-encoding": "br;q=0, gzip" })).headers["content-encoding"],
    ).toBe("gzip");
  });

  it("sends per-request headers (HSTS behind a TLS proxy) with the stored ones, on 200 and 304", async () => {
    const hsts: [string, string][] = [["strict-transport-security", "max-age=63072000"]];
    const proxied = createServer((req, res) => sendStored(req, res, badge, hsts));
    await new Promise<void>((r) => proxied.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}/`;
    try {
      const first = await new Promise<IncomingHttpHeaders>((resolve, reject) =>
        httpRequest(url, (res) => resolve(res.resume().headers))
          .on("error", reject)
          .end(),
      );
      expect(first["strict-transport-security"]).toBe("max-age=63072000");
      expect(first["cache-control"]).toBe("public, s-maxage=5");
      const revalidated = await new Promise<{ status: number; headers: IncomingHttpHeaders }>(
        (resolve, reject) =>
          httpRequest(url, { headers: { "if-none-match": first.etag! } }, (res) =>
            resolve({ status: res.statusCode!, headers: res.resume().headers }),
          )
            .on("error", reject)
            .end(),
      );
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers["strict-transport-security"]).toBe("max-age=63072000");
    } finally {
      await new Promise((r) => proxied.close(r));
    }
  });

  it("serves public pages without the framework's scripts, under a policy that refuses inline script", async () => {
    const { body, headers } = await get("/");
    expect(body.toString()).toContain("<h1>All Systems Operational</h1>");
    expect(body.toString()).toContain("/herald-status.js");
    expect(body.toString()).not.toContain("/_next/static/chunks/app.js");
    expect(body.toString()).not.toContain("__next_f");
    expect(headers["content-security-policy"]).toBe(
      "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
    );
  });

  it("lets a CDN keep a page briefly, and a page rendered during an outage only a second", async () => {
    expect((await get("/")).headers["cache-control"]).toMatch(
      /s-maxage=5, stale-while-revalidate=60/,
    );
    expect((await get("/stale")).headers["cache-control"]).toBe("public, max-age=0, s-maxage=1");
    expect((await get("/")).headers["set-cookie"]).toBeUndefined();
  });

  it("answers a revalidation with 304 and a HEAD without a body", async () => {
    const first = await get("/badge.svg");
    expect(first.body.toString()).toBe("<svg>operational</svg>");
    expect(first.headers["cache-control"]).toBe("public, s-maxage=5");
    const revalidated = await get("/badge.svg", { "if-none-match": first.headers.etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    const head = await get("/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe("a public page Next renders from its client payload", () => {
  it("keeps its scripts when it is a not-found page", async () => {
    const notFound = await storeResponse(
      new Response(PAGE, {
        status: 404,
        headers: { "content-type": "text/html", "content-security-policy": CSP },
      }),
      { kind: "page", live: true },
    );
    expect(notFound.identity.toString()).toContain("__next_f");
    expect(notFound.headers).toContainEqual(["content-security-policy", CSP]);
  });
});

describe("what a stored page varies on", () => {
  it("keeps the renderer's Vary (a CDN must not hand a page to a client-router request) and adds the encoding", async () => {
    const routed = await storeResponse(
      new Response(PAGE, {
        headers: { "content-type": "text/html", vary: "rsc, next-router-state-tree" },
      }),
      { kind: "page", live: true },
    );
    expect(routed.headers.filter(([name]) => name === "vary")).toEqual([
      ["vary", "rsc, next-router-state-tree, Accept-Encoding"],
    ]);
  });
});
