import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { stampClientAddress } from "../http/client-address";
import { listen } from "../http/listen";
import { startFrontThread } from "./front-thread";
import { mirrorPublicState } from "./mirror-public-state";

/**
 * Herald's production server: Next on this (the main) thread, behind a loopback listener of its
 * own, and the public port on a front thread that answers public reads from its cache and passes
 * everything else here (front-server.ts says why a thread). Migrations, the demo seed and the
 * in-process worker start inside Next (instrumentation.ts), on this thread.
 *
 * `frontThread` is the compiled front thread's entry (dist/front-thread.mjs beside dist/serve.mjs).
 */
export async function startHeraldServer({
  port,
  host,
  renderTimeoutMs,
  frontThread,
}: {
  port: number;
  host?: string;
  renderTimeoutMs?: number;
  frontThread: URL;
}) {
  const app = next({ dev: false, hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Per process: only the front thread can vouch for a client's address (client-address.ts).
  const secret = randomBytes(16).toString("hex");
  // Never the public host, which may be a CDN: only this process's front thread connects here.
  const nextListener = createServer((request, response) => {
    // Rate limits need the client's address; Next only sees headers.
    stampClientAddress(request, secret);
    void handle(request, response);
  });
  // The front thread keeps its connections here open between requests; were this side to close an
  // idle one (Node's 5 s default), a request sent on it at that moment would fail with a reset.
  nextListener.keepAliveTimeout = 0;
  await listen(nextListener, 0, "127.0.0.1");

  // Until the thread is up, a change needs only its version stored: the thread's first render reads it.
  let tellFront = () => {};
  // One commit announces each table it changed: the front cache re-renders once they have all arrived.
  const mirror = mirrorPublicState(() => tellFront());
  const front = await startFrontThread(frontThread, {
    port,
    host,
    nextOrigin: `http://127.0.0.1:${(nextListener.address() as AddressInfo).port}`,
    secret,
    state: mirror.buffer,
    renderTimeoutMs,
  });
  tellFront = front.changed;
  return {
    /** How long rendering `/` took before the port opened. */
    warmMs: front.warmMs,
  };
}
