import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseConfig } from "../config";
import { DeliveryError } from "./delivery-error";
import { createMailTransport, type MailTransport } from "./transport";

type Relay = { port: number; accepted: string[]; close: () => Promise<void> };

/** A relay that takes every message except `stall-…`, whose DATA it never answers. */
async function startRelay(port = 0): Promise<Relay> {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo[0]!.address;
      stream.resume();
      stream.on("end", () => {
        if (to.startsWith("stall-")) return;
        accepted.push(to);
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    accepted,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let relay: Relay;
beforeAll(async () => void (relay = await startRelay()));
afterAll(async () => relay.close());

/** A loopback port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const message = (to: string) => ({ to, subject: "Update", html: "<p>Hi</p>", text: "Hi" });

it("gives up on a send the relay never answers, so the worker moves on, and keeps sending", async () => {
  const transport = (await createMailTransport(
    parseConfig({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }),
    // Long enough for a healthy send on a loaded machine, short enough for a test.
    { pool: true, sendTimeoutMs: 3_000 },
  )) as MailTransport;
  const stalled = await transport.send(message("stall-1@example.test")).catch((e: unknown) => e);
  expect(stalled).toBeInstanceOf(DeliveryError);
  expect((stalled as DeliveryError).message).toMatch(/did not take the message within 3 s/);
  expect((stalled as DeliveryError).permanent).toBe(false);
  await transport.send(message("next@example.test"));
  expect(relay.accepted).toEqual(["next@example.test"]);
  transport.close?.();
});

it("keeps delivering after a relay restart refused more connections than the pool holds", async () => {
  const port = await freePort();
  const transport = (await createMailTransport(
    parseConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` }),
    { pool: true, sendTimeoutMs: 5_000 },
  )) as MailTransport;
  // More refused connects than the pool's sixteen connections.
  for (let i = 0; i < 20; i++) {
    const refused = await transport
      .send(message(`down-${i}@example.test`))
      .catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/ECONNREFUSED/);
  }
  const restarted = await startRelay(port);
  await transport.send(message("after-restart@example.test"));
  expect(restarted.accepted).toEqual(["after-restart@example.test"]);
  transport.close?.();
  await restarted.close();
});
