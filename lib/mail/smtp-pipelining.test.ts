import { createServer, type Socket } from "node:net";
import fc from "fast-check";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpPool, type SmtpPool } from "./smtp-pool";
import { dataBlock } from "./smtp-pipelining";

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const portOf = (address: ReturnType<ReturnType<typeof createServer>["address"]>) =>
  typeof address === "object" && address ? address.port : 0;

function poolFor(port: number): SmtpPool {
  const pool = createSmtpPool({
    url: `smtp://127.0.0.1:${port}`,
    tls: {},
    connections: 1,
    keepOpen: true,
  });
  closers.push(() => pool.close());
  return pool;
}

/** A real relay (smtp-server) keeping each message's bytes as it received them, dot-unstuffed. */
async function startRelay(options: Partial<SMTPServerOptions> = {}) {
  const received: { to: string; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo[0]!.address,
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return { port: portOf(server.server.address()), received };
}

/**
 * A relay that, as RFC 2920 allows, reads a whole group before answering any of it:
 * it says nothing to MAIL FROM until RCPT TO and DATA have arrived too. A client
 * that waits for each answer before the next command never gets a message through.
 */
async function startGroupReadingRelay() {
  const messages: string[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let inData = false;
    socket.write("220 relay.test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          messages.push(buffer.slice(0, end + 2));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write("250 2.0.0 queued\r\n");
        } else if (/^EHLO [^\r\n]*\r\n/i.test(buffer)) {
          buffer = buffer.slice(buffer.indexOf("\n") + 1);
          socket.write("250-relay.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
        } else if (/^QUIT\r\n/i.test(buffer)) {
          socket.end("221 bye\r\n");
          return;
        } else {
          const group = /^MAIL FROM:[^\r\n]*\r\nRCPT TO:[^\r\n]*\r\nDATA\r\n/i.exec(buffer);
          if (!group) return;
          buffer = buffer.slice(group[0].length);
          inData = true;
          socket.write("250 2.1.0 ok\r\n250 2.1.5 ok\r\n354 go ahead\r\n");
        }
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return { port: portOf(server.address()), messages };
}

const message = (subject: string, body: string) =>
  Buffer.from(
    `Subject: ${subject}\r\nMessage-ID: <${subject}@herald.test>\r\n\r\n${body}\r\n`,
    "latin1",
  );

describe("SMTP pipelining", () => {
  it("sends MAIL FROM, RCPT TO and DATA as one group, so a relay that reads whole groups gets every message", async () => {
    const relay = await startGroupReadingRelay();
    const pool = poolFor(relay.port);
    for (const n of [1, 2, 3])
      await pool.send(
        { from: "status@herald.test", to: `reader-${n}@example.test` },
        message(`m${n}`, "Hello"),
      );
    expect(relay.messages.map((m) => m.split("\r\n")[0])).toEqual([
      "Subject: m1",
      "Subject: m2",
      "Subject: m3",
    ]);
  });

  it("delivers lines that start with a dot intact, message after message on one connection", async () => {
    const relay = await startRelay();
    const pool = poolFor(relay.port);
    const body = ".leading dot\r\n..two dots\r\n.\r\nlast line";
    await pool.send({ from: "status@herald.test", to: "a@example.test" }, message("dots", body));
    await pool.send(
      { from: "status@herald.test", to: "b@example.test" },
      message("plain", "no dots"),
    );
    expect(relay.received).toEqual([
      { to: "a@example.test", raw: message("dots", body).toString("latin1") },
      { to: "b@example.test", raw: message("plain", "no dots").toString("latin1") },
    ]);
  });

  it("a refused recipient fails that send with the relay's code and command; the next message still goes", async () => {
    const relay = await startRelay({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("gone-"))
          return callback(Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 }));
        callback();
      },
    });
    const pool = poolFor(relay.port);
    const refused = await pool
      .send({ from: "status@herald.test", to: "gone-1@example.test" }, message("m1", "x"))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ responseCode: 550, command: "RCPT TO" });
    expect(String((refused as Error).message)).toContain("No such user");
    await pool.send({ from: "status@herald.test", to: "ok@example.test" }, message("m2", "x"));
    expect(relay.received.map((m) => m.to)).toEqual(["ok@example.test"]);
  });

  it("a relay without PIPELINING gets one command at a time and still every message", async () => {
    const relay = await startRelay({ hidePIPELINING: true });
    const pool = poolFor(relay.port);
    await pool.send({ from: "status@herald.test", to: "a@example.test" }, message("m1", ".dot"));
    await pool.send({ from: "status@herald.test", to: "b@example.test" }, message("m2", "x"));
    expect(relay.received.map((m) => m.raw)).toEqual([
      message("m1", ".dot").toString("latin1"),
      message("m2", "x").toString("latin1"),
    ]);
  });

  it("DATA carries any message so that the relay's unstuffing gives back exactly its lines", () => {
    const line = fc.stringMatching(/^[.a-z ]{0,12}$/);
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (lines, trailing) => {
          const text = lines.join("\r\n") + (trailing ? "\r\n" : "");
          // What the relay reads after "DATA\r\n": the message ends at the first line that is a lone dot.
          const stream =
            "\r\n" + Buffer.concat(dataBlock(Buffer.from(text, "latin1"))).toString("latin1");
          expect(stream.endsWith("\r\n.\r\n")).toBe(true);
          const carried = stream.slice(2, -3).split("\r\n").slice(0, -1);
          // No line of the message may end the data early, and removing the added dots restores it.
          expect(carried.includes(".")).toBe(false);
          const restored = carried.map((l) => (l.startsWith(".") ? l.slice(1) : l)).join("\r\n");
          expect(restored).toBe(text.replace(/\r\n$/, ""));
        },
      ),
    );
  });
});
