import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseConfig } from "../config";
import { DeliveryError } from "./delivery-error";
import { createMailTransport, type MailTransport } from "./transport";

/** A relay that takes every message except `stall-…`, whose DATA it never answers. */
let relay: { port: number; accepted: string[]; close: () => Promise<void> };
beforeAll(async () => {
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  relay = {
    port: typeof address === "object" && address ? address.port : 0,
    accepted,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
});
afterAll(async () => relay.close());

const message = (to: string) => ({ to, subject: "Update", html: "<p>Hi</p>", text: "Hi" });

it("gives up on a send the relay never answers, so the worker moves on, and keeps sending", async () => {
  const transport = (await createMailTransport(
    parseConfig({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }),
    { pool: true, sendTimeoutMs: 300 },
  )) as MailTransport;
  const stalled = await transport.send(message("stall-1@example.test")).catch((e: unknown) => e);
  expect(stalled).toBeInstanceOf(DeliveryError);
  expect((stalled as DeliveryError).message).toMatch(/did not take the message within 0.3 s/);
  expect((stalled as DeliveryError).permanent).toBe(false);
  await transport.send(message("next@example.test"));
  expect(relay.accepted).toEqual(["next@example.test"]);
  transport.close?.();
});
