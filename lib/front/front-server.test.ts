import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, stampClientAddress } from "../http/client-address";
import { CLIENT_ADDRESS_HEADER, FRONT_SECRET_HEADER } from "../http/front-headers";
import { startFrontServer } from "./front-server";
import { SLOTS, VERSION } from "./shared-public-state";

/**
 * The front server as the front thread runs it, against a stand-in for Next's loopback listener
 * (a real HTTP server that stamps client addresses as the main thread does). Every request goes
 * over real sockets.
 */
const SECRET = "front-secret-for-this-test";
const state = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
const view = new Int32Array(state);
Atomics.store(view, VERSION, 1);

let renders = 0;
/** What the stand-in saw of the last request it was passed, after stamping. */
let seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string };
/** Lets the streaming route send its second part only after the client read the first. */
let releaseStream: () => void = () => {};
let requestClosed: Promise<void> = Promise.resolve();

const next = createServer(async (request, response) => {
  stampClientAddress(request, SECRET);
  let body = "";
  for await (const chunk of request) body += chunk;
  seen = { method: request.method, url: request.url, headers: request.headers, body };
  if (request.url === "/") {
    renders++;
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return response.end(`<!DOCTYPE html><html><body><h1>render ${renders}</h1></body></html>`);
  }
  if (request.url === "/console/stream") {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("first part;");
    await new Promise<void>((resolve) => (releaseStream = resolve));
    return response.end("second part");
  }
  if (request.url === "/console/slow") {
    requestClosed = once(response, "close").then(() => undefined);
    return response.writeHead(200).write("started");
  }
  response.writeHead(201, [
    "Content-Type",
    "text/plain",
    "Set-Cookie",
    "a=1; Path=/",
    "Set-Cookie",
    "b=2; Path=/",
  ]);
  response.end(`you sent ${body}`);
});

let front: Awaited<ReturnType<typeof startFrontServer>>;
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => next.listen(0, "127.0.0.1", resolve));
  const nextOrigin = `http://127.0.0.1:${(next.address() as AddressInfo).port}`;
  front = await startFrontServer({ port: 0, host: "127.0.0.1", nextOrigin, secret: SECRET, state });
  base = `http://127.0.0.1:${front.port}`;
});
afterAll(async () => {
  await front.close();
  next.closeAllConnections();
  await new Promise<void>((resolve) => next.close(() => resolve()));
});
afterEach(() => releaseStream());

/** Raw HTTP: headers exactly as sent, repeated ones included, and a body read as it arrives. */
function send(path: string, { method = "GET", headers = {}, body = "" } = {}) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method, headers }, resolve);
    request.on("error", reject).end(body);
  });
}
const text = async (response: IncomingMessage) => {
  let all = "";
  for await (const chunk of response) all += chunk;
  return all;
};

describe("the front server", () => {
  it("rendered / before its port opened, serves it from memory, and renders it again after a change", async () => {
    expect(renders).toBe(1);
    for (let i = 0; i < 5; i++) expect(await text(await send("/"))).toContain("render 1");
    expect(renders).toBe(1);

    // The main thread stores the new version, then tells the thread.
    Atomics.add(view, VERSION, 1);
    front.changed();
    let page = "";
    for (let i = 0; i < 50 && !page.includes("render 2"); i++) {
      page = await text(await send("/"));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(page).toContain("render 2");
  });

  it("passes a console request to Next as the client sent it, and Next's answer back as written", async () => {
    const response = await send("/console/incidents?page=2", {
      method: "POST",
      headers: { host: "status.example.com", "content-type": "text/plain", cookie: "s=1" },
      body: "update text",
    });
    expect(response.statusCode).toBe(201);
    expect(await text(response)).toBe("you sent update text");
    // Two cookies stay two headers (a joined Set-Cookie would break the second one).
    expect(response.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/console/incidents?page=2");
    expect(seen.headers.host).toBe("status.example.com");
    expect(seen.headers.cookie).toBe("s=1");
    expect(seen.body).toBe("update text");
  });

  it("streams Next's answer: the first part arrives while Next is still writing", async () => {
    const response = await send("/console/stream");
    const reader = response[Symbol.asyncIterator]();
    expect(String((await reader.next()).value)).toBe("first part;");
    releaseStream();
    expect(String((await reader.next()).value)).toBe("second part");
  });

  it("tells Next the client's address, never one a client wrote, and fills X-Forwarded-For as Next would", async () => {
    await text(
      await send("/console", {
        headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.66", [FRONT_SECRET_HEADER]: "guess" },
      }),
    );
    expect(seen.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    // The secret is dropped before Next runs, so no route can read it.
    expect(seen.headers[FRONT_SECRET_HEADER]).toBeUndefined();
    expect(clientAddress(new Headers(seen.headers as Record<string, string>))).toBe("127.0.0.1");

    await text(await send("/console", { headers: { "x-forwarded-for": "198.51.100.4" } }));
    expect(seen.headers["x-forwarded-for"]).toBe("198.51.100.4");
  });

  it("believes a stamped address only with the secret: a local caller of Next's listener cannot pick one", async () => {
    const direct = `http://127.0.0.1:${(next.address() as AddressInfo).port}/console`;
    await fetch(direct, {
      headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.66", [FRONT_SECRET_HEADER]: "guess" },
    });
    expect(seen.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("drops the request to Next when its client goes away", async () => {
    const response = await send("/console/slow");
    expect(String((await response[Symbol.asyncIterator]().next()).value)).toBe("started");
    response.destroy();
    await requestClosed;
  });
});

describe("the front server without Next", () => {
  it("answers 502 with Retry-After when Next does not answer", async () => {
    const down = await startFrontServer({
      port: 0,
      host: "127.0.0.1",
      // Nothing listens on port 9 of loopback here: the connection is refused at once.
      nextOrigin: "http://127.0.0.1:9",
      secret: SECRET,
      state,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${down.port}/console`);
      expect(response.status).toBe(502);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.text()).toMatch(/try again/);
    } finally {
      await down.close();
    }
  });
});
