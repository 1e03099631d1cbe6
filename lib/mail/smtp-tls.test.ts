import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { createTestCa, type TestCa } from "../testing/test-ca";
import { createMailTransport } from "./transport";

type Relay = {
  port: number;
  received: { to: string; secure: boolean }[];
  close: () => Promise<void>;
};

/** A loopback relay with the test CA's certificate: implicit TLS (465-style) or STARTTLS (587-style). */
async function startTlsRelay(ca: TestCa, { implicit }: { implicit: boolean }): Promise<Relay> {
  const received: Relay["received"] = [];
  const server = new SMTPServer({
    secure: implicit,
    key: ca.key,
    cert: ca.cert,
    authOptional: true,
    logger: false,
    closeTimeout: 200,
    onData(stream, session: SMTPServerSession, callback) {
      stream.resume();
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo[0]!.address, secure: session.secure });
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const message = (to: string) => ({ to, subject: "Hi", html: "<p>Hi</p>", text: "Hi" });

describe("SMTP over TLS with a verified certificate", () => {
  let ca: TestCa;
  let implicit: Relay;
  let starttls: Relay;
  beforeAll(async () => {
    ca = createTestCa();
    implicit = await startTlsRelay(ca, { implicit: true });
    starttls = await startTlsRelay(ca, { implicit: false });
  });
  afterAll(async () => {
    await implicit.close();
    await starttls.close();
  });
  const transport = (url: string, caFile?: string) =>
    createMailTransport(parseConfig({ SMTP_URL: url, SMTP_CA_FILE: caFile ?? "" }));

  it("smtps:// (implicit TLS) delivers when the relay's CA is configured", async () => {
    const smtp = (await transport(`smtps://127.0.0.1:${implicit.port}`, ca.caFile))!;
    await smtp.send(message("a@example.test"));
    expect(implicit.received).toContainEqual({ to: "a@example.test", secure: true });
  });

  it("smtp:// upgrades with STARTTLS and delivers over the verified connection", async () => {
    const smtp = (await transport(`smtp://127.0.0.1:${starttls.port}`, ca.caFile))!;
    await smtp.send(message("b@example.test"));
    expect(starttls.received).toContainEqual({ to: "b@example.test", secure: true });
  });

  it("refuses a certificate it cannot verify: nothing is sent in the clear or to an impostor", async () => {
    for (const url of [`smtps://127.0.0.1:${implicit.port}`, `smtp://127.0.0.1:${starttls.port}`]) {
      const smtp = (await transport(url))!;
      await expect(smtp.send(message("c@example.test"))).rejects.toThrow(/certificate/i);
    }
    expect([...implicit.received, ...starttls.received].map((r) => r.to)).not.toContain(
      "c@example.test",
    );
  });
});
